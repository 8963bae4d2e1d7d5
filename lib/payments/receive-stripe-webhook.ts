import "server-only";

import type Stripe from "stripe";

import { logger } from "@/lib/log/logger";

import { handleStripeEvent } from "./handle-stripe-event";
import { stripe } from "./stripe-client";
import { belongsToEndpoint, type WebhookEndpointScope } from "./webhook-events";

/**
 * One Stripe webhook endpoint: the signature is checked on the raw body with that endpoint's
 * secret (a bad or stale one is a 400 and changes nothing); an event that belongs on the other
 * endpoint is acknowledged and ignored; the event is applied exactly once; a failure answers
 * 500 so Stripe retries.
 */
export async function receiveStripeWebhook(
  req: Request,
  opts: { secret: string; scope: WebhookEndpointScope },
): Promise<Response> {
  const signature = req.headers.get("stripe-signature");
  const raw = await req.text();
  if (!signature)
    return Response.json(
      { error: { code: "bad_request", message: "Missing Stripe-Signature header." } },
      { status: 400 },
    );
  let event: Stripe.Event;
  try {
    event = stripe().webhooks.constructEvent(raw, signature, opts.secret);
  } catch {
    return Response.json(
      { error: { code: "bad_request", message: "Invalid or expired webhook signature." } },
      { status: 400 },
    );
  }
  if (!belongsToEndpoint(event, opts.scope)) {
    logger.warn(
      { event: event.id, type: event.type, account: event.account, endpoint: opts.scope },
      "webhook event sent to the wrong endpoint; ignored",
    );
    return Response.json({ received: true, outcome: "ignored" });
  }
  try {
    const outcome = await handleStripeEvent(event);
    return Response.json({ received: true, outcome });
  } catch (err) {
    logger.error({ err, event: event.id, type: event.type }, "webhook handling failed");
    return Response.json(
      { error: { code: "internal", message: "Webhook handling failed; Stripe will retry." } },
      { status: 500 },
    );
  }
}
