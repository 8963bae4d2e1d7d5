import type Stripe from "stripe";
import { db } from "@/lib/db/client";
import { isHandledEvent } from "./webhook-events";
import { WEBHOOK_HANDLERS } from "./webhooks/webhook-handlers";

export type EventOutcome = "processed" | "duplicate" | "ignored";

/**
 * Applies one verified Stripe event exactly once: its id is inserted (unique) in the same
 * transaction as its effects, so a duplicate changes nothing and a failure leaves no trace
 * (Stripe retries). Each event type's effect lives in its own handler (lib/payments/webhooks);
 * its re-read from Stripe runs before the transaction, never inside it.
 */
export async function handleStripeEvent(event: Stripe.Event): Promise<EventOutcome> {
  if (!isHandledEvent(event.type)) return "ignored";
  const handler = WEBHOOK_HANDLERS[event.type];
  const fresh = handler.refetch ? await handler.refetch(event) : event.data.object;
  return db().$transaction(async (tx) => {
    const inserted = await tx.$queryRaw<{ event_id: string }[]>`
      INSERT INTO processed_webhook_events (event_id, type) VALUES (${event.id}, ${event.type}) ON CONFLICT (event_id) DO NOTHING RETURNING event_id`;
    if (inserted.length === 0) return "duplicate";
    await handler.apply(tx, { event, fresh });
    return "processed";
  });
}
