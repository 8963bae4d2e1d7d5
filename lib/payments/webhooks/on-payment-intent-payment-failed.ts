import "server-only";

import type Stripe from "stripe";

import { holdCardTesting } from "@/lib/fraud/score-checkout";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { JOBS } from "@/lib/jobs/queues";
import { releaseCheckoutReservation } from "@/lib/orders/release-checkout-reservation";

import { recordPaymentAttempt } from "../record-payment-attempt";
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
  async apply(tx, { event, fresh }) {
    const pi = fresh as Stripe.PaymentIntent;
    if (pi.status === "succeeded" || pi.status === "processing") return;
    await tx.payment.updateMany({
      where: { paymentIntentId: pi.id, status: { not: "succeeded" } },
      data: { status: "failed", ...paymentFailure(pi) },
    });
    const checkout = await tx.checkout.findUnique({
      where: { paymentIntentId: pi.id },
      select: { id: true, buyerId: true },
    });
    if (!checkout) return;
    // Each declined attempt (this event's card, not the PaymentIntent's latest) is a signal; a
    // run of them is card testing, held and stopped before a later attempt can take money.
    const attempt = (event.data.object as Stripe.PaymentIntent).last_payment_error ?? pi.last_payment_error;
    await recordPaymentAttempt(tx, {
      checkoutId: checkout.id,
      buyerId: checkout.buyerId,
      paymentMethod: attempt?.payment_method,
      outcome: "declined",
    });
    if (await holdCardTesting(tx, { checkoutId: checkout.id }))
      await enqueueJob({ name: JOBS.cancelHeldPayment, data: { checkoutId: checkout.id }, tx });
    await releaseCheckoutReservation(tx, {
      checkoutId: checkout.id,
      note: `Payment failed (${paymentFailure(pi).failureCode ?? "declined"}); stock back on sale`,
    });
  },
};
