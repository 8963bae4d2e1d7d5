import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { postRefundAfterRelease } from "@/lib/ledger/post-refund-after-release";
import { postRefundBeforeRelease } from "@/lib/ledger/post-refund-before-release";
import { recordOutboxEvent } from "@/lib/outbox/record-outbox-event";
import { transitionOrder } from "@/lib/orders/order-status";
import type { ActorType } from "@/lib/generated/prisma/enums";
import { stripe } from "./stripe-client";

/**
 * Refunds a whole order to the buyer. Before release the money leaves escrow (no transfer
 * ever happens). After release the seller's transfer is reversed first, then the buyer is
 * refunded; if the seller's payable no longer covers it, the shortfall becomes a receivable
 * netted from later payouts. Every Stripe call has an idempotency key from the order.
 */
export async function refundOrder(opts: { orderId: string; actorType: ActorType; actorId?: string | null; reason: string; sellerId?: string }): Promise<"refunded" | "already_refunded"> {
  const order = await db().order.findFirst({
    where: { id: opts.orderId, ...(opts.sellerId ? { sellerId: opts.sellerId } : {}) },
    select: { id: true, status: true, escrowStatus: true, buyerId: true, sellerId: true, totalCents: true, platformFeeCents: true, currency: true, checkout: { select: { payments: { where: { status: "succeeded" }, select: { id: true, paymentIntentId: true } } } }, transfers: { where: { status: "paid" }, select: { stripeTransferId: true, amountCents: true } } },
  });
  if (!order) throw new AppError("not_found", "Order not found.");
  if (order.status === "refunded" || order.escrowStatus === "refunded") return "already_refunded";
  if (!["paid", "shipped", "delivered", "disputed", "completed"].includes(order.status)) throw new AppError("conflict", `This order is ${order.status}; there is nothing to refund.`);
  const payment = order.checkout.payments[0];
  if (!payment) throw new AppError("conflict", "This order has no captured payment.");
  const released = order.escrowStatus === "released";
  const client = stripe();

  if (released) {
    for (const t of order.transfers) {
      if (!t.stripeTransferId) continue;
      try {
        await client.transfers.createReversal(t.stripeTransferId, { amount: t.amountCents, metadata: { order_id: order.id } }, { idempotencyKey: `reversal:${order.id}` });
      } catch (err) {
        // Already paid out of the seller's Stripe balance: the platform funds the refund and
        // the ledger records what the seller owes as a receivable, netted from later payouts.
        if ((err as { code?: string }).code !== "balance_insufficient") throw err;
      }
    }
  }
  const refundKey = `refund:${order.id}`;
  await db().refund.upsert({ where: { idempotencyKey: refundKey }, create: { orderId: order.id, paymentId: payment.id, idempotencyKey: refundKey, amountCents: order.totalCents, currency: order.currency, reason: opts.reason.slice(0, 500), initiatedById: opts.actorId ?? null }, update: {} });
  const refund = await client.refunds.create({ payment_intent: payment.paymentIntentId, amount: order.totalCents, reason: "requested_by_customer", metadata: { order_id: order.id } }, { idempotencyKey: refundKey });

  return db().$transaction(async (tx) => {
    await tx.refund.update({ where: { idempotencyKey: refundKey }, data: { stripeRefundId: refund.id, status: refund.status === "succeeded" ? "succeeded" : "pending" } });
    const moved = await transitionOrder(tx, { orderId: order.id, to: "refunded", actorType: opts.actorType, actorId: opts.actorId, note: opts.reason.slice(0, 500), data: { escrowStatus: "refunded" } });
    if (!moved.changed) return "already_refunded";
    const common = { orderId: order.id, buyerId: order.buyerId, currency: order.currency, amountCents: order.totalCents, refundKey };
    if (released) await postRefundAfterRelease(tx, { ...common, sellerId: order.sellerId, sellerShareCents: order.totalCents - order.platformFeeCents, commissionCents: order.platformFeeCents, reversalKey: `reversal:${order.id}` });
    else await postRefundBeforeRelease(tx, common);
    await tx.dispute.updateMany({ where: { orderId: order.id, status: "open" }, data: { status: "resolved_refunded", resolvedById: opts.actorId ?? null, resolvedAt: new Date(), resolutionNote: opts.reason.slice(0, 1000) } });
    await recordOutboxEvent(tx, { aggregateType: "order", aggregateId: order.id, eventType: "order.refunded" });
    return "refunded";
  });
}
