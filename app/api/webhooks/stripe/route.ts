import type Stripe from "stripe";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { handleStripeEvent } from "@/lib/payments/handle-stripe-event";
import { stripe } from "@/lib/payments/stripe-client";

export const dynamic = "force-dynamic";

/**
 * Stripe's webhook: the signature is checked on the raw body (a bad or stale one is a 400 and
 * changes nothing); the event is applied exactly once; a failure answers 500 so Stripe retries.
 */
export async function POST(req: Request): Promise<Response> {
  const signature = req.headers.get("stripe-signature");
  const raw = await req.text();
  if (!signature) return Response.json({ error: { code: "bad_request", message: "Missing Stripe-Signature header." } }, { status: 400 });
  let event: Stripe.Event;
  try {
    event = stripe().webhooks.constructEvent(raw, signature, env().STRIPE_WEBHOOK_SECRET);
  } catch {
    return Response.json({ error: { code: "bad_request", message: "Invalid or expired webhook signature." } }, { status: 400 });
  }
  try {
    const outcome = await handleStripeEvent(event);
    return Response.json({ received: true, outcome });
  } catch (err) {
    logger.error({ err, event: event.id, type: event.type }, "webhook handling failed");
    return Response.json({ error: { code: "internal", message: "Webhook handling failed; Stripe will retry." } }, { status: 500 });
  }
}
