import type { PlacedCheckout } from "./create-checkout";

/** The API's answer to POST /api/v1/orders: the placed checkout in snake_case, money in minor units. */
export function placedCheckoutJson(c: PlacedCheckout) {
  return {
    checkout_id: c.checkoutId,
    status: c.status,
    total: { amount_cents: c.totalCents, currency: c.currency },
    reservation_expires_at: c.reservationExpiresAt.toISOString(),
    estimated_delivery: c.estimatedDelivery,
    orders: c.orders.map((o) => ({
      order_id: o.orderId,
      seller_id: o.sellerId,
      status: o.status,
      total: { amount_cents: o.totalCents, currency: c.currency },
    })),
  };
}
