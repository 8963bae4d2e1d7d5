// Every environment variable the marketplace reads, validated once. A missing or bad
// variable stops start-up with its name: next.config.ts validates it when Next builds or
// starts, instrumentation.ts and the worker call assertServerEnv at boot. `npm start` fills
// the unset ones with embedded services. Nothing else in lib/, app/, components/ or worker/
// reads process.env (lint enforces it).
import { z } from "zod";

const optionalUrl = z
  .url()
  .optional()
  .or(z.literal("").transform(() => undefined));
const optional = z
  .string()
  .optional()
  .or(z.literal("").transform(() => undefined));
// An empty variable (`COMMISSION_BPS=` copied from .env.example) means unset, so it takes
// the default instead of coercing to 0.
const emptyAsUnset = (v: unknown) => (v === "" ? undefined : v);
const number = <T extends z.ZodType>(schema: T) => z.preprocess(emptyAsUnset, schema);

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

// What describes the process itself and is needed before (or without) the app's secrets:
// the logger reads it in every process, scripts and unit tests included.
const baseShape = {
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // Unset: silent under test, info otherwise.
  LOG_LEVEL: z.preprocess(emptyAsUnset, z.enum(LOG_LEVELS).optional()),
  // Names the process in every log line; `npm start` and the worker set it.
  MARKETPLACE_PROCESS: z.preprocess(emptyAsUnset, z.string().default("web")),
};

const ZServerEnv = z.object({
  ...baseShape,
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL"),
  // Streaming replicas for catalog and search reads (lib/db/read-db.ts), comma-separated;
  // unset or empty: every read goes to DATABASE_URL.
  DATABASE_REPLICA_URLS: z.preprocess(
    (v) =>
      typeof v === "string"
        ? v
            .split(",")
            .map((u) => u.trim())
            .filter(Boolean)
        : v,
    z.array(z.string().regex(/^postgres(ql)?:\/\//, "each must be a postgresql:// URL")).default([]),
  ),
  // How stale a replica may be and still serve reads; also how long a catalog write waits for
  // the replicas before expiring cached pages (docs/ARCHITECTURE.md, "Read replicas").
  DATABASE_REPLICA_MAX_LAG_MS: number(z.coerce.number().int().min(10).max(60_000).default(2000)),
  APP_URL: z.url().default("http://localhost:3000"),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
  // Seals each account's two-factor (TOTP) secret at rest (AES-256-GCM); `npm start` generates one.
  TOTP_ENCRYPTION_KEY: z.string().regex(/^[0-9a-fA-F]{64}$/, "must be 64 hex characters (openssl rand -hex 32)"),
  // OAuth sign-in providers, each on only when both of its variables are set.
  GITHUB_ID: optional,
  GITHUB_SECRET: optional,
  GOOGLE_CLIENT_ID: optional,
  GOOGLE_CLIENT_SECRET: optional,
  DATA_DIR: z.string().default(".data"),
  // Where `next build` writes and `next start` reads; a benchmark build runs beside the e2e one.
  NEXT_DIST_DIR: z.preprocess(emptyAsUnset, z.string().default(".next")),
  // Scales every rate limit; a load test or an e2e run from one address sets it above 1.
  RATE_LIMIT_MULTIPLIER: number(z.coerce.number().min(1, "must be a number of at least 1").default(1)),
  // Proxies in front of the web processes that append the client's address to X-Forwarded-For
  // (lib/auth/client-ip.ts): 0 reads the socket only; `npm start` adds one for its own haproxy.
  TRUSTED_PROXY_HOPS: number(z.coerce.number().int("must be a whole number").min(0).max(10).default(0)),
  REDIS_URL: optionalUrl,
  // Prefixes every Redis key; test files sharing one Redis server each get their own.
  REDIS_KEY_PREFIX: z.preprocess(emptyAsUnset, z.string().default("mkt:")),
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
  // Signs the one-click unsubscribe links in emails (HMAC-SHA256); `npm start` generates one.
  UNSUBSCRIBE_SECRET: z.string().min(32, "must be at least 32 characters"),
  SMTP_URL: optionalUrl,
  MAIL_FROM: z.string().default("Marketplace <no-reply@marketplace.local>"),
  // Web push (VAPID, RFC 8292): the application server's P-256 key pair, base64url as
  // `web-push generate-vapid-keys` prints it; `npm start` generates one. Both or neither: unset, push is off.
  VAPID_PUBLIC_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{87}$/, "must be a base64url P-256 public key (npx web-push generate-vapid-keys)")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  VAPID_PRIVATE_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, "must be a base64url P-256 private key (npx web-push generate-vapid-keys)")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  // Who push services contact about this sender (mailto: or https:); default mailto:MAIL_FROM's address.
  VAPID_SUBJECT: optional,
  // Text messages through Twilio; all three or none. Unset: the dev SMS inbox at /admin/sms.
  TWILIO_ACCOUNT_SID: z
    .string()
    .regex(/^AC[0-9a-fA-F]{32}$/, "must be AC followed by 32 hex characters")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  TWILIO_AUTH_TOKEN: optional,
  // The sending number (E.164) or a Messaging Service SID (MG…).
  TWILIO_FROM: optional,
  // Only for tests and local stand-ins: Twilio's API base (default https://api.twilio.com).
  TWILIO_API_BASE: optionalUrl,
  // The bearer token /api/metrics asks of a scraper; unset, the endpoint is off. `npm start` generates one.
  METRICS_TOKEN: z
    .string()
    .min(16, "must be at least 16 characters")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  // Retention (worker's hourly prune-old-rows job; docs/OPERATIONS.md). The minimums keep what is still read.
  RETENTION_OUTBOX_DAYS: number(z.coerce.number().int().min(1).default(7)),
  // Purchase attribution reads a week of clicks before an order.
  RETENTION_SEARCH_EVENTS_DAYS: number(z.coerce.number().int().min(8).default(30)),
  // Raw analytics events; only those already in the rollups are deleted, which keep the numbers.
  RETENTION_ANALYTICS_EVENTS_DAYS: number(z.coerce.number().int().min(1).default(30)),
  // A client may retry a checkout with its Idempotency-Key for 24 hours.
  RETENTION_IDEMPOTENCY_HOURS: number(z.coerce.number().int().min(25).default(48)),
  RETENTION_NOTIFICATIONS_DAYS: number(z.coerce.number().int().min(7).default(180)),
  // Stripe retries a webhook event for up to 3 days; its id must be remembered longer.
  RETENTION_WEBHOOK_EVENTS_DAYS: number(z.coerce.number().int().min(4).default(30)),
  // Ended sign-ins stay listed a while (the data export, a look back after a break-in).
  RETENTION_USER_SESSIONS_DAYS: number(z.coerce.number().int().min(1).default(90)),
  RETENTION_ACCOUNT_TOKENS_DAYS: number(z.coerce.number().int().min(1).default(30)),
  // Fraud signals (IP, device, user agent, card of each sign-up, sign-in, checkout, payment,
  // review, listing): account linking compares 90 days, and a chargeback may come 120 days on.
  RETENTION_REQUEST_SIGNALS_DAYS: number(z.coerce.number().int().min(120).default(180)),
  RETENTION_BATCH_SIZE: number(z.coerce.number().int().min(100).max(100_000).default(5000)),
  COMMISSION_BPS: number(z.coerce.number().int().min(0).max(10_000).default(1500)),
  // A checkout above this total (in cents) needs a confirmed email address.
  UNVERIFIED_CHECKOUT_LIMIT_CENTS: number(z.coerce.number().int().min(0).default(10_000)),
  // The parcel carrier's API (return labels, tracking); `npm start` and the tests start the
  // local carrier simulator (tools/carrier-simulator) and set it when unset.
  CARRIER_API_URL: optionalUrl,
  // The ECB daily reference rates file (or a mirror in its format); unset, admins keep the table.
  FX_RATES_URL: optionalUrl,
  CARRIER_API_KEY: optional,
  // Verifies the carrier's tracking webhooks; without it they are refused and tracking is polled only.
  CARRIER_WEBHOOK_SECRET: z
    .string()
    .min(16, "must be at least 16 characters")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  // Days after delivery a buyer may ask to return items.
  RETURN_WINDOW_DAYS: number(z.coerce.number().int().min(1).max(365).default(30)),
  // Days after the carrier delivers a return to the seller before the buyer is refunded without the seller's confirmation.
  RETURN_AUTO_REFUND_DAYS: number(z.coerce.number().int().min(1).max(60).default(3)),
  // Days after delivery (or after the expected delivery of a parcel that never came) a buyer may open a claim.
  BUYER_PROTECTION_DAYS: number(z.coerce.number().int().min(1).max(365).default(30)),
});

const ZBaseEnv = z.object(baseShape);

type WithLogLevel<T> = Omit<T, "LOG_LEVEL"> & { LOG_LEVEL: (typeof LOG_LEVELS)[number] };
export type TServerEnv = WithLogLevel<z.infer<typeof ZServerEnv>>;
export type TBaseEnv = WithLogLevel<z.infer<typeof ZBaseEnv>>;

export class EnvError extends Error {}

function parseOrThrow<T extends z.ZodType>(schema: T, source: Record<string, string | undefined>): z.infer<T> {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid environment; fix these variables (see .env.example):\n${lines.join("\n")}`);
  }
  return result.data;
}

function withLogLevel<T extends { NODE_ENV: string; LOG_LEVEL?: (typeof LOG_LEVELS)[number] }>(e: T) {
  return { ...e, LOG_LEVEL: e.LOG_LEVEL ?? (e.NODE_ENV === "test" ? "silent" : "info") };
}

/** The process-level variables alone (no secrets required); throws EnvError naming a bad one. */
export function parseBaseEnv(source: Record<string, string | undefined>): TBaseEnv {
  return withLogLevel(parseOrThrow(ZBaseEnv, source));
}

export function parseServerEnv(source: Record<string, string | undefined>): TServerEnv {
  const env = withLogLevel(parseOrThrow(ZServerEnv, source));
  if (env.S3_BUCKET && !(env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY)) {
    throw new EnvError(
      "Invalid environment: S3_BUCKET is set, so S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are required",
    );
  }
  for (const [id, secret] of [
    ["GITHUB_ID", "GITHUB_SECRET"],
    ["GOOGLE_CLIENT_ID", "GOOGLE_CLIENT_SECRET"],
    ["VAPID_PUBLIC_KEY", "VAPID_PRIVATE_KEY"],
  ] as const) {
    if (Boolean(env[id]) !== Boolean(env[secret]))
      throw new EnvError(`Invalid environment: set both ${id} and ${secret}, or neither`);
  }
  const twilio = [env.TWILIO_ACCOUNT_SID, env.TWILIO_AUTH_TOKEN, env.TWILIO_FROM].filter(Boolean).length;
  if (twilio !== 0 && twilio !== 3)
    throw new EnvError(
      "Invalid environment: set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM together, or none",
    );
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

/**
 * NODE_ENV, LOG_LEVEL and MARKETPLACE_PROCESS, read fresh and without requiring the rest:
 * the logger is imported by scripts and unit tests that have no database or Stripe keys.
 */
export function baseEnv(): TBaseEnv {
  return parseBaseEnv(process.env);
}
