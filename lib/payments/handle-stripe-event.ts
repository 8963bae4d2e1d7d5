import type Stripe from "stripe";
import { db } from "@/lib/db/client";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { JOBS } from "@/lib/jobs/queues";
import { logger } from "@/lib/log/logger";
import { transitionOrder } from "@/lib/orders/order-status";
import { recordCapture } from "./record-capture";
import { stripe } from "./stripe-client";
import { HANDLED_EVENTS } from "./webhook-events";

export type EventOutcome = "processed" | "duplicate" | "ignored";

/**
 * Applies one verified Stripe event exactly once: its id is inserted (unique) in the same
 * transaction as its effects, so a duplicate changes nothing and a failure leaves no trace
 * (Stripe retries). Where ordering matters the object is re-read from Stripe first, outside
 * the transaction, so out-of-order deliveries act on the current truth.
 */
export async function handleStripeEvent(event: Stripe.Event): Promise<EventOutcome> {
  if (!HANDLED_EVENTS.has(event.type)) return "ignored";
  const fresh = await refetch(event);
  return db().$transaction(async (tx) => {
    const inserted = await tx.$queryRaw<{ event_id: string }[]>`
      INSERT INTO processed_webhook_events (event_id, type) VALUES (${event.id}, ${event.type}) ON CONFLICT (event_id) DO NOTHING RETURNING event_id`;
    if (inserted.length === 0) return "duplicate";

    switch (event.type) {
      case "payment_intent.succeeded": {
        const pi = fresh as Stripe.PaymentIntent;
        if (pi.status !== "succeeded") break;
        const checkoutId = pi.metadata?.checkout_id ?? (await tx.checkout.findUnique({ where: { paymentIntentId: pi.id }, select: { id: true } }))?.id;
        if (!checkoutId) {
          logger.warn({ paymentIntent: pi.id }, "payment for an unknown checkout");
          break;
        }
        const chargeId = typeof pi.latest_charge === "string" ? pi.latest_charge : (pi.latest_charge?.id ?? null);
        const { lateOrders } = await recordCapture(tx, { checkoutId, chargeId, paymentIntentId: pi.id });
        for (const orderId of lateOrders) await enqueueJob({ name: JOBS.refundLatePayment, data: { orderId }, tx });
        break;
      }
      case "payment_intent.payment_failed": {
        const pi = fresh as Stripe.PaymentIntent;
        if (pi.status === "succeeded") break;
        await tx.payment.updateMany({
          where: { paymentIntentId: pi.id, status: { not: "succeeded" } },
          data: { status: "failed", failureCode: pi.last_payment_error?.decline_code ?? pi.last_payment_error?.code ?? null, failureMessage: pi.last_payment_error?.message ?? null },
        });
        break;
      }
      case "charge.dispute.created": {
        const dispute = event.data.object as Stripe.Dispute;
        const chargeId = typeof dispute.charge === "string" ? dispute.charge : dispute.charge.id;
        const payment = await tx.payment.findUnique({ where: { chargeId }, select: { checkoutId: true } });
        if (!payment) break;
        const orders = await tx.order.findMany({ where: { checkoutId: payment.checkoutId, escrowStatus: "held" }, select: { id: true } });
        for (const o of orders) {
          await transitionOrder(tx, { orderId: o.id, to: "disputed", actorType: "webhook", note: `Card dispute opened (${dispute.reason}); release paused`, from: ["shipped", "delivered"] }).catch(() => undefined);
          await tx.dispute.upsert({ where: { stripeDisputeId: `${dispute.id}:${o.id}` }, create: { orderId: o.id, stripeDisputeId: `${dispute.id}:${o.id}`, reason: `Card dispute: ${dispute.reason}` }, update: {} });
        }
        break;
      }
      case "account.updated": {
        const acct = fresh as Stripe.Account;
        await tx.sellerProfile.updateMany({
          where: { stripeAccountId: acct.id },
          data: { chargesEnabled: acct.charges_enabled, payoutsEnabled: acct.payouts_enabled, detailsSubmitted: acct.details_submitted },
        });
        break;
      }
      case "transfer.created":
      case "transfer.reversed": {
        const t = fresh as Stripe.Transfer;
        await tx.transfer.updateMany({ where: { stripeTransferId: t.id }, data: { reversedCents: t.amount_reversed, ...(t.reversed ? { status: "reversed" } : {}) } });
        break;
      }
      case "charge.refunded": {
        const charge = fresh as { refunds: Stripe.ApiList<Stripe.Refund> };
        for (const r of charge.refunds.data) await tx.refund.updateMany({ where: { stripeRefundId: r.id }, data: { status: r.status === "succeeded" ? "succeeded" : r.status === "failed" ? "failed" : "pending" } });
        break;
      }
      case "payout.paid":
      case "payout.failed": {
        const payout = fresh as Stripe.Payout;
        await enqueueJob({ name: JOBS.settlePayout, data: { stripePayoutId: payout.id, status: payout.status, failureMessage: payout.failure_message ?? null }, tx });
        break;
      }
    }
    return "processed";
  });
}

async function refetch(event: Stripe.Event): Promise<unknown> {
  const obj = event.data.object as { id: string };
  const opts = event.account ? { stripeAccount: event.account } : undefined;
  const client = stripe();
  switch (event.type) {
    case "payment_intent.succeeded":
    case "payment_intent.payment_failed":
      return client.paymentIntents.retrieve(obj.id, {}, opts);
    case "account.updated":
      return client.accounts.retrieve(obj.id);
    case "transfer.created":
    case "transfer.reversed":
      return client.transfers.retrieve(obj.id);
    case "charge.refunded":
      // A charge no longer carries its refunds by default; list them instead of expanding.
      return { id: obj.id, refunds: await client.refunds.list({ charge: obj.id, limit: 100 }, opts) };
    case "payout.paid":
    case "payout.failed":
      return client.payouts.retrieve(obj.id, {}, opts);
    default:
      return event.data.object;
  }
}
