import "server-only";

import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";

import { stripe } from "./stripe-client";

/**
 * A payment arrived after an order's reservation had expired (its stock already returned):
 * that order's share goes straight back to the buyer. Never enters escrow, so no ledger entries.
 */
export async function refundLatePayment(orderId: string): Promise<"refunded" | "skipped"> {
  const order = await db().order.findUnique({
    where: { id: orderId },
    select: {
      id: true,
      status: true,
      totalCents: true,
      currency: true,
      chargeTotalCents: true,
      checkout: {
        select: { payments: { where: { status: "succeeded" }, select: { id: true, paymentIntentId: true } } },
      },
    },
  });
  const payment = order?.checkout.payments[0];
  if (!order || order.status !== "cancelled" || !payment) return "skipped";
  const key = `late-refund:${order.id}`;
  await db().refund.upsert({
    where: { idempotencyKey: key },
    create: {
      orderId: order.id,
      paymentId: payment.id,
      idempotencyKey: key,
      amountCents: order.totalCents,
      chargeAmountCents: order.chargeTotalCents,
      currency: order.currency,
      reason: "Paid after the reservation expired",
      kind: "late_payment",
    },
    update: {},
  });
  const refund = await stripe().refunds.create(
    // The PaymentIntent is in the checkout's currency: an order converted from its shop's gives back its charge.
    {
      payment_intent: payment.paymentIntentId,
      amount: order.chargeTotalCents ?? order.totalCents,
      metadata: { order_id: order.id },
    },
    { idempotencyKey: key },
  );
  await db().$transaction(async (tx) => {
    const first = await tx.refund.updateMany({ where: { idempotencyKey: key, stripeRefundId: null }, data: {} });
    await tx.refund.update({
      where: { idempotencyKey: key },
      data: { stripeRefundId: refund.id, status: refund.status === "succeeded" ? "succeeded" : "pending" },
    });
    // A rerun finds the Stripe refund already recorded: the audit log has it once.
    if (first.count === 0) return;
    await recordAuditEvent(tx, {
      actor: { role: "system" },
      action: "refund.issued",
      target: { type: "order", id: order.id },
      details: { kind: "late_payment", key, amountCents: order.totalCents, currency: order.currency },
    });
  });
  return "refunded";
}
