import type Stripe from "stripe";

import type { Tx } from "@/lib/db/client";

/**
 * How one Stripe event type is applied. `refetch` runs first, outside any transaction: where
 * ordering matters the object is re-read from Stripe, so an out-of-order delivery acts on the
 * current truth. `apply` then runs inside the transaction that records the event id, so its
 * effects and the dedupe commit (or roll back) together.
 */
export type WebhookHandler = {
  refetch?: (event: Stripe.Event) => Promise<unknown>;
  /** Returns "anomaly" when the event was recorded as needing attention instead of applied. */
  apply: (tx: Tx, ctx: { event: Stripe.Event; fresh: unknown }) => Promise<void | "anomaly">;
};

/** The Stripe request options for an event that happened on a connected account. */
export function accountOptions(event: Stripe.Event): Stripe.RequestOptions | undefined {
  return event.account ? { stripeAccount: event.account } : undefined;
}

/** The id of the object an event is about. */
export function eventObjectId(event: Stripe.Event): string {
  return (event.data.object as { id: string }).id;
}
