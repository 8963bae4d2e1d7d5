// The return policy as pure rules: who may ask, for what, and what comes back. No server
// imports, so the request form shows the same reasons and limits.
import type { ReturnReason } from "@/lib/generated/prisma/enums";

export const RETURN_REASONS: { value: ReturnReason; label: string }[] = [
  { value: "changed_mind", label: "I changed my mind" },
  { value: "doesnt_fit", label: "It doesn't fit or suit me" },
  { value: "not_as_described", label: "It isn't as described" },
  { value: "damaged", label: "It arrived damaged or faulty" },
  { value: "wrong_item", label: "I received the wrong item" },
];

export const returnReasonLabel = (r: ReturnReason) => RETURN_REASONS.find((x) => x.value === r)?.label ?? r;

// The seller got it wrong: the buyer also gets the order's shipping charge back.
export const SELLER_FAULT_REASONS: ReadonlySet<ReturnReason> = new Set(["not_as_described", "damaged", "wrong_item"]);

export const MAX_RETURN_IMAGES = 5;
export const RETURN_NOTE_MAX = 1000;

export type ReturnEligibility =
  | { ok: true; closesAt: Date }
  | { ok: false; code: "not_delivered" | "window_closed" | "refunded"; message: string; closesAt: Date | null };

/** Returns are asked for on a delivered order (also once the seller was paid) within the window. */
export function returnEligibility(
  order: { status: string; deliveredAt: Date | null },
  now: Date,
  windowDays: number,
): ReturnEligibility {
  if (order.status === "refunded")
    return {
      ok: false,
      code: "refunded",
      message: "This order was refunded in full; there is nothing left to return.",
      closesAt: null,
    };
  if (!order.deliveredAt || !["delivered", "completed"].includes(order.status)) {
    return {
      ok: false,
      code: "not_delivered",
      message: "Items can be returned once the order is delivered.",
      closesAt: null,
    };
  }
  const closesAt = new Date(order.deliveredAt.getTime() + windowDays * 86_400_000);
  if (now > closesAt)
    return {
      ok: false,
      code: "window_closed",
      message: `Returns can be requested up to ${windowDays} days after delivery; this order's window closed on ${closesAt.toISOString().slice(0, 10)}.`,
      closesAt,
    };
  return { ok: true, closesAt };
}

/**
 * How many of each order item can still be asked back: bought, minus what is in another
 * return that is open or already refunded, minus what was refunded some other way.
 */
export function returnableQuantities(
  items: { id: string; quantity: number }[],
  taken: { orderItemId: string; quantity: number }[],
): Map<string, number> {
  const out = new Map(items.map((i) => [i.id, i.quantity]));
  for (const t of taken) out.set(t.orderItemId, Math.max(0, (out.get(t.orderItemId) ?? 0) - t.quantity));
  return out;
}

/**
 * Shipping policy: when the reason is the seller's fault (not as described, damaged, wrong
 * item) the order's shipping charge is refunded too, once per order; for the buyer's own reasons
 * (changed mind, doesn't fit) it is not. Return postage is on the marketplace's label either way.
 */
export function shippingRefundCents(opts: {
  reason: ReturnReason;
  orderShippingCents: number;
  shippingAlreadyRefundedCents: number;
}): number {
  if (!SELLER_FAULT_REASONS.has(opts.reason)) return 0;
  return Math.max(0, opts.orderShippingCents - opts.shippingAlreadyRefundedCents);
}

/** What the returned lines are worth: unit price times quantity, per line. */
export function returnedItemsCents(lines: { quantity: number; unitPriceCents: number }[]): number {
  return lines.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0);
}
