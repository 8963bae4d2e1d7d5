import type Stripe from "stripe";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { JOBS } from "@/lib/jobs/queues";
import { logger } from "@/lib/log/logger";
import { recordCapture } from "../record-capture";
import { stripe } from "../stripe-client";
import { accountOptions, eventObjectId, type WebhookHandler } from "./webhook-handler";

/** The charge a PaymentIntent's money came from, whether expanded or not. */
export function latestChargeId(pi: Pick<Stripe.PaymentIntent, "latest_charge">): string | null {
  if (!pi.latest_charge) return null;
  return typeof pi.latest_charge === "string" ? pi.latest_charge : pi.latest_charge.id;
}

// The checkout's money arrived: its orders become paid with the money in escrow; orders that
// were cancelled before it arrived are refunded by a job (outside this transaction).
export const onPaymentIntentSucceeded: WebhookHandler = {
  refetch: (event) => stripe().paymentIntents.retrieve(eventObjectId(event), {}, accountOptions(event)),
  async apply(tx, { fresh }) {
    const pi = fresh as Stripe.PaymentIntent;
    if (pi.status !== "succeeded") return;
    const checkoutId = pi.metadata?.checkout_id ?? (await tx.checkout.findUnique({ where: { paymentIntentId: pi.id }, select: { id: true } }))?.id;
    if (!checkoutId) {
      logger.warn({ paymentIntent: pi.id }, "payment for an unknown checkout");
      return;
    }
    const { lateOrders } = await recordCapture(tx, { checkoutId, chargeId: latestChargeId(pi), paymentIntentId: pi.id });
    for (const orderId of lateOrders) await enqueueJob({ name: JOBS.refundLatePayment, data: { orderId }, tx });
  },
};
