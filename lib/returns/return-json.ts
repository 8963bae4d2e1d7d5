import type { OrderReturns } from "./list-order-returns";
import type { ReturnView } from "./return-view";

// The REST API's wire shapes for returns (snake_case, money in minor units).

export function returnJson(r: ReturnView) {
  return {
    return_id: r.id,
    status: r.status,
    reason: r.reason,
    note: r.note,
    items: r.items.map((i) => ({
      order_item_id: i.orderItemId,
      title: i.title,
      quantity: i.quantity,
      unit_price_cents: i.unitPriceCents,
    })),
    decline_reason: r.declineReason,
    carrier: r.carrier,
    tracking_number: r.trackingNumber,
    label_url: r.labelUrl,
    refunded: r.refundedCents === null ? null : { amount_cents: r.refundedCents, currency: r.currency },
    created_at: r.createdAt.toISOString(),
  };
}

export function requestedReturnJson(orderId: string, returnId: string) {
  return { return_id: returnId, order_id: orderId, status: "requested" as const };
}

/** GET /orders/{id}/returns: the order's returns, and what can still be returned. */
export function orderReturnsJson(orderId: string, o: OrderReturns) {
  return {
    order_id: orderId,
    can_return: o.eligibility.ok && o.returnable.some((i) => i.returnable > 0 && !i.openReturnId),
    reason: o.eligibility.ok ? null : o.eligibility.message,
    return_window_closes_at: o.eligibility.closesAt?.toISOString() ?? null,
    returnable: o.returnable.map((i) => ({
      order_item_id: i.id,
      title: i.title,
      bought: i.quantity,
      returnable: i.openReturnId ? 0 : i.returnable,
    })),
    returns: o.returns.map(returnJson),
  };
}
