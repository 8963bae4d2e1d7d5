import { z } from "zod";

import type { OrderDetail } from "./get-order-for-viewer";
import type { listBuyerOrders } from "./list-buyer-orders";
import { ZShipment } from "./order-input";

export function orderJson(o: OrderDetail) {
  return {
    order_id: o.id,
    checkout_id: o.checkoutId,
    status: o.status,
    escrow_status: o.escrowStatus,
    seller: { seller_id: o.sellerId, shop_name: o.seller.shopName },
    items: o.items.map((i) => ({
      product_id: i.productId,
      variant_id: i.variantId,
      variant: i.variantLabel,
      title: i.titleSnapshot,
      quantity: i.quantity,
      unit_price: { amount_cents: i.unitPriceCents, currency: i.currency },
      refunded_quantity: i.refundedQuantity,
    })),
    total: { amount_cents: o.totalCents, currency: o.currency },
    platform_fee: { amount_cents: o.platformFeeCents, currency: o.currency },
    refunded: { amount_cents: o.refundedCents, currency: o.currency },
    refunds: o.refunds.map((r) => ({
      refund_id: r.id,
      kind: r.kind,
      amount: { amount_cents: r.amountCents, currency: o.currency },
      shipping: { amount_cents: r.shippingCents, currency: o.currency },
      reason: r.reason,
      at: r.createdAt.toISOString(),
    })),
    shipping_address: o.shippingAddress,
    tracking: o.trackingNumber ? { carrier: o.carrier, tracking_number: o.trackingNumber } : null,
    created_at: o.createdAt.toISOString(),
    history: o.transitions.map((t) => ({
      from: t.fromStatus,
      to: t.toStatus,
      by: t.actorType,
      note: t.note,
      at: t.createdAt.toISOString(),
    })),
  };
}

/** POST /orders/{id}/ship speaks snake_case; its fields carry the domain's own rules and messages. */
export const ZShipmentJson = z
  .object({ carrier: ZShipment.shape.carrier, tracking_number: ZShipment.shape.trackingNumber })
  .meta({ id: "ShipmentRequest", title: "Shipment" })
  .transform((b) => ({ carrier: b.carrier, trackingNumber: b.tracking_number }))
  .meta({ title: "Shipment" });

/** GET /orders: one page of the buyer's orders, newest first. */
export function buyerOrdersPageJson(r: Awaited<ReturnType<typeof listBuyerOrders>>, page: number) {
  return {
    results: r.rows.map((o) => ({
      order_id: o.id,
      checkout_id: o.checkoutId,
      status: o.status,
      total: { amount_cents: o.totalCents, currency: o.currency },
      seller: o.counterpart,
      created_at: o.createdAt.toISOString(),
    })),
    total: r.total,
    next_page: page * 20 < r.total ? page + 1 : null,
  };
}
