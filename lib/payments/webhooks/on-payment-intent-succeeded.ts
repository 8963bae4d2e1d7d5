import "server-only";

import type Stripe from "stripe";

import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { JOBS } from "@/lib/jobs/queues";

import { paymentIntentMismatches } from "../check-payment-intent";
import { recordCapture } from "../record-capture";
import { recordPaymentAttempt } from "../record-payment-attempt";
import { recordWebhookAnomaly } from "../record-webhook-anomaly";
import { stripe } from "../stripe-client";
import { accountOptions, eventObjectId, type WebhookHandler } from "./webhook-handler";

/** The charge a PaymentIntent's money came from, whether expanded or not. */
export function latestChargeId(pi: Pick<Stripe.PaymentIntent, "latest_charge">): string | null {
  if (!pi.latest_charge) return null;
  return typeof pi.latest_charge === "string" ? pi.latest_charge : pi.latest_charge.id;
}

// The checkout's money arrived: its orders become paid with the money in escrow; orders that
// were cancelled before it arrived are refunded by a job (outside this transaction). Only the
// checkout's own PaymentIntent, for exactly its total and currency, counts; anything else is
// recorded for an admin and leaves the checkout unpaid.
export const onPaymentIntentSucceeded: WebhookHandler = {
  // The PaymentMethod is expanded for the card's fingerprint, country and funding (fraud signals).
  refetch: (event) =>
    stripe().paymentIntents.retrieve(eventObjectId(event), { expand: ["payment_method"] }, accountOptions(event)),
  async apply(tx, { event, fresh }) {
    const pi = fresh as Stripe.PaymentIntent;
    if (pi.status !== "succeeded") return;
    const select = {
      id: true,
      paymentIntentId: true,
      totalCents: true,
      currency: true,
      buyerId: true,
      status: true,
    } as const;
    const checkout =
      (await tx.checkout.findUnique({ where: { paymentIntentId: pi.id }, select })) ??
      (isUuid(pi.metadata?.checkout_id)
        ? await tx.checkout.findUnique({ where: { id: pi.metadata.checkout_id }, select })
        : null);
    if (!checkout) {
      await recordWebhookAnomaly(tx, {
        event,
        objectId: pi.id,
        mismatches: ["checkout"],
        detail: `no checkout is paid by ${pi.id} (metadata names ${pi.metadata?.checkout_id ?? "none"})`,
      });
      return "anomaly";
    }
    const { mismatches, detail } = paymentIntentMismatches(
      {
        checkoutId: checkout.id,
        paymentIntentId: checkout.paymentIntentId,
        totalCents: checkout.totalCents,
        currency: checkout.currency,
      },
      pi,
    );
    if (mismatches.length) {
      await recordWebhookAnomaly(tx, { event, objectId: pi.id, checkoutId: checkout.id, mismatches, detail });
      return "anomaly";
    }
    // Once per payment: a repeated delivery finds the checkout paid already.
    if (checkout.status !== "paid")
      await recordPaymentAttempt(tx, {
        checkoutId: checkout.id,
        buyerId: checkout.buyerId,
        paymentMethod: pi.payment_method,
        outcome: "succeeded",
      });
    const { lateOrders } = await recordCapture(tx, {
      checkoutId: checkout.id,
      chargeId: latestChargeId(pi),
      paymentIntentId: pi.id,
    });
    for (const orderId of lateOrders) await enqueueJob({ name: JOBS.refundLatePayment, data: { orderId }, tx });
  },
};

const isUuid = (v: string | undefined): v is string =>
  !!v && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
