import { z } from "zod";

import { apiRoute } from "@/lib/http/api-route";
import { listOrderReturns } from "@/lib/returns/list-order-returns";
import { requestReturn } from "@/lib/returns/request-return";
import { ZRequestReturn } from "@/lib/returns/return-input";
import type { ReturnView } from "@/lib/returns/return-view";

const ZParams = z.object({ orderId: z.uuid("Order not found.") });

function returnJson(r: ReturnView) {
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

/**
 * The buyer asks to return items of their delivered order.
 * Body: { items: [{ order_item_id, quantity }], reason, note?, images?: [upload ids] }.
 */
export const POST = apiRoute(
  {
    access: "user",
    params: ZParams,
    body: ZRequestReturn,
    summary: "Ask to return items of a delivered order",
    status: 201,
  },
  async ({ user, params, body }) => {
    const { returnId } = await requestReturn({ buyerId: user.id, orderId: params.orderId, input: body });
    return Response.json({ return_id: returnId, order_id: params.orderId, status: "requested" }, { status: 201 });
  },
);

/** The order's returns (for its buyer, seller or an admin), and what can still be returned. */
export const GET = apiRoute({ access: "user", params: ZParams }, async ({ user, params }) => {
  const o = await listOrderReturns({
    orderId: params.orderId,
    userId: user.id,
    sellerId: user.sellerId,
    isAdmin: user.role === "admin",
  });
  return {
    order_id: params.orderId,
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
});
