import type { PlacedCheckout } from "./create-checkout";
import type { getCheckoutSummary } from "./get-checkout-summary";

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
    // The rates locked for shops priced in another currency (each order's own amounts stay in its shop's).
    exchange_rates: c.fx ? c.fx.rates.map((r) => ({ ...r, locked_at: c.fx!.lockedAt })) : [],
  };
}

/** GET /checkouts/{id}: its status, its latest payment attempt and its orders. */
export function checkoutSummaryJson(c: Awaited<ReturnType<typeof getCheckoutSummary>>) {
  return {
    checkout_id: c.id,
    status: c.status,
    total: { amount_cents: c.totalCents, currency: c.currency },
    expires_at: c.expiresAt.toISOString(),
    payment: c.payments[0] ? { status: c.payments[0].status, failure_message: c.payments[0].failureMessage } : null,
    orders: c.orders.map((o) => ({
      order_id: o.id,
      status: o.status,
      shop_name: o.seller.shopName,
      total: { amount_cents: o.chargeTotalCents ?? o.totalCents, currency: c.currency },
    })),
  };
}
