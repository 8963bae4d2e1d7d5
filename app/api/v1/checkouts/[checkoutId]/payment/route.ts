import { z } from "zod";

import { env } from "@/lib/env";
import { apiRoute } from "@/lib/http/api-route";
import { checkoutPaymentJson } from "@/lib/payments/payment-json";
import { startCheckoutPayment } from "@/lib/payments/start-checkout-payment";
import { RATE_LIMIT_POLICIES } from "@/lib/rate-limit/rules";

/**
 * The checkout's one PaymentIntent (created on the first call, the same one after that), for
 * clients that confirm it with Stripe.js or a mobile SDK. A paid or expired checkout is a 409.
 */
export const POST = apiRoute(
  {
    access: "user",
    params: z.object({ checkoutId: z.uuid("Checkout not found.") }),
    rateLimit: RATE_LIMIT_POLICIES.checkout,
  },
  async ({ user, params }) => {
    const p = await startCheckoutPayment({ checkoutId: params.checkoutId, buyerId: user.id });
    return checkoutPaymentJson(p, env().NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY);
  },
);
