import type { startCheckoutPayment } from "./start-checkout-payment";

/** POST /checkouts/{id}/payment: the checkout's PaymentIntent, for Stripe.js or a mobile SDK to confirm. */
export function checkoutPaymentJson(p: Awaited<ReturnType<typeof startCheckoutPayment>>, publishableKey: string) {
  return {
    payment_intent_id: p.paymentIntentId,
    client_secret: p.clientSecret,
    status: p.status,
    amount: { amount_cents: p.amountCents, currency: p.currency },
    publishable_key: publishableKey,
  };
}
