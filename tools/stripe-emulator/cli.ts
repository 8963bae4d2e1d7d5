// tsx tools/stripe-emulator/cli.ts --port 12111 --data .data/stripe \
//   --webhook-url http://localhost:3000/api/webhooks/stripe --webhook-secret whsec_… \
//   [--connect-webhook-url http://localhost:3000/api/webhooks/stripe-connect --connect-webhook-secret whsec_…]
// Flags fall back to STRIPE_EMULATOR_PORT, STRIPE_WEBHOOK_URL, STRIPE_WEBHOOK_SECRET,
// STRIPE_CONNECT_WEBHOOK_URL and STRIPE_CONNECT_WEBHOOK_SECRET.
import { parseArgs } from "node:util";

import { startStripeEmulator } from "./index";

const { values } = parseArgs({
  options: {
    port: { type: "string" },
    host: { type: "string" },
    data: { type: "string" },
    "webhook-url": { type: "string" },
    "webhook-secret": { type: "string" },
    "connect-webhook-url": { type: "string" },
    "connect-webhook-secret": { type: "string" },
    "retry-base-ms": { type: "string" },
    quiet: { type: "boolean", default: false },
  },
});

const webhookSecret = values["webhook-secret"] ?? process.env.STRIPE_WEBHOOK_SECRET;
if (!webhookSecret?.startsWith("whsec_")) {
  console.error("stripe-emulator: pass --webhook-secret whsec_… (or set STRIPE_WEBHOOK_SECRET)");
  process.exit(2);
}

const emulator = await startStripeEmulator({
  port: Number(values.port ?? process.env.STRIPE_EMULATOR_PORT ?? 12111),
  host: values.host,
  dataDir: values.data,
  webhookUrl: values["webhook-url"] ?? process.env.STRIPE_WEBHOOK_URL,
  webhookSecret,
  connectWebhookUrl: values["connect-webhook-url"] ?? process.env.STRIPE_CONNECT_WEBHOOK_URL,
  connectWebhookSecret: values["connect-webhook-secret"] ?? process.env.STRIPE_CONNECT_WEBHOOK_SECRET,
  retryBaseMs: values["retry-base-ms"] ? Number(values["retry-base-ms"]) : undefined,
  log: values.quiet ? undefined : (msg) => console.log(`[stripe-emulator] ${msg}`),
});
console.log(
  `[stripe-emulator] API ${emulator.url}/v1 · Stripe.js ${emulator.url}/v3/stripe.js · dashboard ${emulator.url}/`,
);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void emulator.close().then(() => process.exit(0));
  });
}
