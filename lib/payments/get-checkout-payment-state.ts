import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

import { stripe } from "./stripe-client";

export type CheckoutPaymentState =
  | { state: "paid" }
  | { state: "confirming" }
  | { state: "failed"; message: string }
  | { state: "unpaid" }
  | { state: "expired" };

/**
 * Where the buyer's own payment for a checkout stands, for the confirmation page. The orders
 * are paid when the webhook says so; until then Stripe's PaymentIntent is asked (one read),
 * so a card that was charged shows as "confirming" and a failed one says why, whatever an
 * earlier declined attempt left in the payment row.
 */
export async function getCheckoutPaymentState(opts: {
  checkoutId: string;
  buyerId: string;
}): Promise<CheckoutPaymentState> {
  const checkout = await db().checkout.findFirst({
    where: { id: opts.checkoutId, buyerId: opts.buyerId },
    select: { status: true, paymentIntentId: true },
  });
  if (!checkout) throw new AppError("not_found", "Checkout not found.");
  if (checkout.status === "paid") return { state: "paid" };
  if (checkout.status === "cancelled") return { state: "expired" };
  if (!checkout.paymentIntentId) return { state: "unpaid" };
  const pi = await stripe().paymentIntents.retrieve(checkout.paymentIntentId);
  if (pi.status === "succeeded" || pi.status === "processing" || pi.status === "requires_capture")
    return { state: "confirming" };
  if (pi.last_payment_error)
    return { state: "failed", message: pi.last_payment_error.message ?? "Your card was not charged." };
  if (pi.status === "canceled")
    return { state: "failed", message: "The payment was cancelled; your card was not charged." };
  return { state: "unpaid" };
}
