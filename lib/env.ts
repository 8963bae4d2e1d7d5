// Every environment variable the marketplace reads, validated once. A missing or bad
// variable stops start-up with its name (instrumentation.ts and the worker call
// assertServerEnv at boot). `npm start` fills the unset ones with embedded services.
import { z } from "zod";

const optionalUrl = z
  .url()
  .optional()
  .or(z.literal("").transform(() => undefined));
const optional = z
  .string()
  .optional()
  .or(z.literal("").transform(() => undefined));

const ZServerEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL"),
  APP_URL: z.url().default("http://localhost:3000"),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
  DATA_DIR: z.string().default(".data"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  REDIS_URL: optionalUrl,
  MEILI_HOST: optionalUrl,
  MEILI_API_KEY: optional,
  STRIPE_SECRET_KEY: z.string().regex(/^sk_(test|live)_/, "must start with sk_test_ or sk_live_"),
  STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_/, "must start with whsec_"),
  // The Connect endpoint's own signing secret: connected accounts' events (account.updated, payout.*).
  STRIPE_CONNECT_WEBHOOK_SECRET: z.string().regex(/^whsec_/, "must start with whsec_"),
  NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: z.string().regex(/^pk_(test|live)_/, "must start with pk_test_ or pk_live_"),
  // Set only when talking to the local Stripe emulator instead of api.stripe.com.
  STRIPE_API_BASE: optionalUrl,
  S3_BUCKET: optional,
  S3_ENDPOINT: optionalUrl,
  S3_REGION: z.string().default("us-east-1"),
  S3_ACCESS_KEY_ID: optional,
  S3_SECRET_ACCESS_KEY: optional,
  S3_PUBLIC_URL: optionalUrl,
  UPLOAD_SIGNING_SECRET: z.string().min(32, "must be at least 32 characters"),
  SMTP_URL: optionalUrl,
  MAIL_FROM: z.string().default("Marketplace <no-reply@marketplace.local>"),
  COMMISSION_BPS: z.coerce.number().int().min(0).max(10_000).default(1500),
  // The parcel carrier's API (return labels, tracking); `npm start` and the tests start the
  // local carrier simulator (tools/carrier-simulator) and set it when unset.
  CARRIER_API_URL: optionalUrl,
  CARRIER_API_KEY: optional,
  // Verifies the carrier's tracking webhooks; without it they are refused and tracking is polled only.
  CARRIER_WEBHOOK_SECRET: z
    .string()
    .min(16, "must be at least 16 characters")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  // Days after delivery a buyer may ask to return items.
  RETURN_WINDOW_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  // Days after the carrier delivers a return to the seller before the buyer is refunded without the seller's confirmation.
  RETURN_AUTO_REFUND_DAYS: z.coerce.number().int().min(1).max(60).default(3),
  // Days after delivery (or after the expected delivery of a parcel that never came) a buyer may open a claim.
  BUYER_PROTECTION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
});

export type TServerEnv = z.infer<typeof ZServerEnv>;

export class EnvError extends Error {}

export function parseServerEnv(source: Record<string, string | undefined>): TServerEnv {
  const result = ZServerEnv.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid environment; fix these variables (see .env.example):\n${lines.join("\n")}`);
  }
  const env = result.data;
  if (env.S3_BUCKET && !(env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY)) {
    throw new EnvError(
      "Invalid environment: S3_BUCKET is set, so S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are required",
    );
  }
  return env;
}

let cached: TServerEnv | undefined;

/** The validated server environment; throws EnvError naming each bad variable. */
export function env(): TServerEnv {
  cached ??= parseServerEnv(process.env);
  return cached;
}

export function assertServerEnv(): TServerEnv {
  cached = undefined;
  return env();
}
