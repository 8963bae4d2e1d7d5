import "server-only";

import Stripe from "stripe";

import { env } from "@/lib/env";

const globalForStripe = globalThis as unknown as { stripe?: Stripe };

/**
 * The Stripe SDK client. With STRIPE_API_BASE set (the local emulator) the same SDK is
 * pointed at it; with a real key and no base it talks to api.stripe.com. App code is identical.
 */
export function stripe(): Stripe {
  if (globalForStripe.stripe) return globalForStripe.stripe;
  const e = env();
  const base = e.STRIPE_API_BASE ? new URL(e.STRIPE_API_BASE) : null;
  globalForStripe.stripe = new Stripe(e.STRIPE_SECRET_KEY, {
    maxNetworkRetries: 2,
    timeout: 15_000,
    appInfo: { name: "marketplace" },
    ...(base
      ? {
          host: base.hostname,
          port: Number(base.port || (base.protocol === "https:" ? 443 : 80)),
          protocol: base.protocol.replace(":", "") as "http" | "https",
        }
      : {}),
  });
  return globalForStripe.stripe;
}

/** Where the browser loads Stripe.js from: the emulator's stand-in, or Stripe's own. */
export function stripeJsUrl(): string {
  const base = env().STRIPE_API_BASE;
  return base ? `${base.replace(/\/$/, "")}/v3/stripe.js` : "https://js.stripe.com/v3";
}
