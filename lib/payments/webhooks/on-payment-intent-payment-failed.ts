import "server-only";

import type Stripe from "stripe";

import { releaseCheckoutReservation } from "@/lib/orders/release-checkout-reservation";

import { stripe } from "../stripe-client";
import { accountOptions, eventObjectId, type WebhookHandler } from "./webhook-handler";

/** Why a payment attempt failed, in the terms the payment row keeps. */
export function paymentFailure(pi: Pick<Stripe.PaymentIntent, "last_payment_error">): {
  failureCode: string | null;
  failureMessage: string | null;
} {
  const error = pi.last_payment_error;
  return { failureCode: error?.decline_code ?? error?.code ?? null, failureMessage: error?.message ?? null };
}

// A payment attempt failed: the payment records why and the checkout's stock goes back on sale
// at once, unless a later attempt already succeeded (the re-read PaymentIntent says). The orders
// stay pending until their reservation expires: a retry with another card takes the stock
// again first (restoreOrderReservation), or is told which item sold out meanwhile.
export const onPaymentIntentPaymentFailed: WebhookHandler = {
  refetch: (event) => stripe().paymentIntents.retrieve(eventObjectId(event), {}, accountOptions(event)),
  async apply(tx, { fresh }) {
    const pi = fresh as Stripe.PaymentIntent;
    if (pi.status === "succeeded" || pi.status === "processing") return;
    await tx.payment.updateMany({
      where: { paymentIntentId: pi.id, status: { not: "succeeded" } },
      data: { status: "failed", ...paymentFailure(pi) },
    });
    const checkout = await tx.checkout.findUnique({ where: { paymentIntentId: pi.id }, select: { id: true } });
    if (checkout)
      await releaseCheckoutReservation(tx, {
        checkoutId: checkout.id,
        note: `Payment failed (${paymentFailure(pi).failureCode ?? "declined"}); stock back on sale`,
      });
  },
};
