import { z } from "zod";

import { apiRoute } from "@/lib/http/api-route";
import { getCheckoutSummary } from "@/lib/orders/get-checkout-summary";

/** The buyer's own checkout: its status (payment_pending, paid, payment_failed, cancelled), its latest payment attempt and its orders. */
export const GET = apiRoute(
  { access: "user", params: z.object({ checkoutId: z.uuid("Checkout not found.") }) },
  async ({ user, params }) => {
    const c = await getCheckoutSummary({ checkoutId: params.checkoutId, buyerId: user.id });
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
        total: { amount_cents: o.totalCents, currency: c.currency },
      })),
    };
  },
);
