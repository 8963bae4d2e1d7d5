import type Stripe from "stripe";
import { stripe } from "../stripe-client";
import { accountOptions, eventObjectId, type WebhookHandler } from "./webhook-handler";

/** Why a payment attempt failed, in the terms the payment row keeps. */
export function paymentFailure(pi: Pick<Stripe.PaymentIntent, "last_payment_error">): { failureCode: string | null; failureMessage: string | null } {
  const error = pi.last_payment_error;
  return { failureCode: error?.decline_code ?? error?.code ?? null, failureMessage: error?.message ?? null };
}

// A payment attempt failed: the payment records why, unless a later attempt already succeeded.
export const onPaymentIntentPaymentFailed: WebhookHandler = {
  refetch: (event) => stripe().paymentIntents.retrieve(eventObjectId(event), {}, accountOptions(event)),
  async apply(tx, { fresh }) {
    const pi = fresh as Stripe.PaymentIntent;
    if (pi.status === "succeeded") return;
    await tx.payment.updateMany({ where: { paymentIntentId: pi.id, status: { not: "succeeded" } }, data: { status: "failed", ...paymentFailure(pi) } });
  },
};
