import { z } from "zod";

import { apiRoute } from "@/lib/http/api-route";
import { checkoutSummaryJson } from "@/lib/orders/checkout-json";
import { getCheckoutSummary } from "@/lib/orders/get-checkout-summary";

/** The buyer's own checkout: its status (payment_pending, paid, payment_failed, cancelled), its latest payment attempt and its orders. */
export const GET = apiRoute(
  { access: "user", params: z.object({ checkoutId: z.uuid("Checkout not found.") }) },
  async ({ user, params }) => {
    return checkoutSummaryJson(await getCheckoutSummary({ checkoutId: params.checkoutId, buyerId: user.id }));
  },
);
