import "server-only";

import type Stripe from "stripe";

import { db, type Tx } from "@/lib/db/client";

import { recordWebhookAnomaly } from "./record-webhook-anomaly";
import { isHandledEvent } from "./webhook-events";
import { eventObjectId } from "./webhooks/webhook-handler";
import { WEBHOOK_HANDLERS } from "./webhooks/webhook-handlers";

export type EventOutcome = "processed" | "duplicate" | "ignored" | "anomaly";

/**
 * Applies one verified Stripe event exactly once: its id is inserted (unique) in the same
 * transaction as its effects, so a duplicate changes nothing and a failure leaves no trace
 * (Stripe retries). Each event type's effect lives in its own handler (lib/payments/webhooks);
 * its re-read from Stripe runs before the transaction, never inside it. An event about an
 * object Stripe does not know is recorded as an anomaly and acknowledged: retrying it could
 * never succeed.
 */
export async function handleStripeEvent(event: Stripe.Event): Promise<EventOutcome> {
  if (!isHandledEvent(event.type)) return "ignored";
  const handler = WEBHOOK_HANDLERS[event.type];
  let fresh: unknown;
  try {
    fresh = handler.refetch ? await handler.refetch(event) : event.data.object;
  } catch (err) {
    if (!isResourceMissing(err)) throw err;
    return dedupe(event, async (tx) => {
      await recordWebhookAnomaly(tx, {
        event,
        objectId: eventObjectId(event),
        mismatches: ["object"],
        detail: `Stripe does not know ${eventObjectId(event)}${event.account ? ` on ${event.account}` : ""}`,
      });
      return "anomaly";
    });
  }
  return dedupe(event, async (tx) => (await handler.apply(tx, { event, fresh })) ?? "processed");
}

function dedupe(event: Stripe.Event, apply: (tx: Tx) => Promise<EventOutcome>): Promise<EventOutcome> {
  return db().$transaction(async (tx) => {
    const inserted = await tx.$queryRaw<{ event_id: string }[]>`
      INSERT INTO processed_webhook_events (event_id, type) VALUES (${event.id}, ${event.type}) ON CONFLICT (event_id) DO NOTHING RETURNING event_id`;
    if (inserted.length === 0) return "duplicate";
    return apply(tx);
  });
}

function isResourceMissing(err: unknown): boolean {
  return (
    (err as { type?: string; code?: string }).type === "StripeInvalidRequestError" &&
    (err as { code?: string }).code === "resource_missing"
  );
}
