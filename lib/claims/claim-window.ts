import type { ClaimKind, OrderStatus } from "@/lib/generated/prisma/enums";

const DAY = 86_400_000;

/** Orders placed before checkout stored a delivery window were promised within 5 days. */
export const LEGACY_DELIVERY_DAYS = 5;

/**
 * When a parcel is due: the end of the last day of the window promised at checkout (the
 * shop's handling plus transit days to the address), for older orders 5 days after the order.
 */
export function expectedDeliveryBy(order: { createdAt: Date; deliveryLatest: Date | null }): Date {
  return order.deliveryLatest
    ? new Date(
        Date.UTC(
          order.deliveryLatest.getUTCFullYear(),
          order.deliveryLatest.getUTCMonth(),
          order.deliveryLatest.getUTCDate() + 1,
        ),
      )
    : new Date(order.createdAt.getTime() + LEGACY_DELIVERY_DAYS * DAY);
}

export type ClaimWindow = { open: true; until: Date } | { open: false; reason: string; until: Date | null };

/**
 * Whether a buyer may open a claim on an order now: for a protection window after delivery
 * (even after the seller was paid), and for a parcel that never arrived, once its expected
 * delivery date (the window promised at checkout) has passed while it is still in transit. Pure, so pages and the rule agree.
 */
export function claimWindow(opts: {
  order: {
    status: OrderStatus;
    createdAt: Date;
    deliveredAt: Date | null;
    deliveryLatest: Date | null;
    totalCents: number;
    refundedCents: number;
  };
  kind?: ClaimKind;
  now: Date;
  protectionDays: number;
}): ClaimWindow {
  const { order, now } = opts;
  if (order.status === "refunded" || order.refundedCents >= order.totalCents)
    return { open: false, until: null, reason: "This order was refunded in full." };
  if (order.status === "disputed")
    return {
      open: false,
      until: null,
      reason: "This order has an open dispute; the marketplace is already reviewing it.",
    };
  if (order.status === "pending" || order.status === "paid" || order.status === "cancelled")
    return { open: false, until: null, reason: "This order hasn't shipped yet; you can cancel it instead." };
  if (order.status === "shipped") {
    const expected = expectedDeliveryBy(order);
    const until = new Date(expected.getTime() + opts.protectionDays * DAY);
    if (opts.kind && opts.kind !== "never_arrived")
      return {
        open: false,
        until: null,
        reason:
          "You can report a problem with the items once they are delivered; until then only a parcel that never arrived can be claimed.",
      };
    if (now < expected)
      return {
        open: false,
        until: null,
        reason: `The parcel is expected by ${new Date(expected.getTime() - 1).toISOString().slice(0, 10)}; if it hasn't arrived by then you can open a claim.`,
      };
    if (now > until)
      return {
        open: false,
        until,
        reason: `Claims for this order could be opened until ${until.toISOString().slice(0, 10)}.`,
      };
    return { open: true, until };
  }
  const deliveredAt = order.deliveredAt ?? order.createdAt;
  const until = new Date(deliveredAt.getTime() + opts.protectionDays * DAY);
  if (now > until)
    return {
      open: false,
      until,
      reason: `Claims can be opened up to ${opts.protectionDays} days after delivery; this order's window closed on ${until.toISOString().slice(0, 10)}.`,
    };
  return { open: true, until };
}
