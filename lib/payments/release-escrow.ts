import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { postRelease } from "@/lib/ledger/post-release";
import { recordOutboxEvent } from "@/lib/outbox/record-outbox-event";
import { transitionOrder } from "@/lib/orders/order-status";
import { stripe } from "./stripe-client";

export type ReleaseOutcome = "released" | "already_released" | "not_releasable";

/**
 * Pays a delivered order's seller: a Stripe Transfer of total minus commission to their
 * connected account, funded by the checkout's charge (source_transaction), then the ledger's
 * release and commission entries and the order completed. Three steps, each safe to repeat:
 * the transfer row is claimed first, the Stripe call carries an idempotency key derived from
 * the order, and recording is conditional, so a worker killed anywhere leaves exactly one
 * transfer and one set of entries after a rerun. No database transaction spans the network call.
 */
export async function releaseEscrow(orderId: string, hooks: { afterTransfer?: () => void; resolvingDispute?: boolean } = {}): Promise<ReleaseOutcome> {
  const order = await db().order.findUnique({
    where: { id: orderId },
    select: { id: true, status: true, escrowStatus: true, totalCents: true, platformFeeCents: true, currency: true, sellerId: true, checkoutId: true, seller: { select: { stripeAccountId: true, payoutsEnabled: true } }, checkout: { select: { payments: { where: { status: "succeeded" }, select: { chargeId: true } } } } },
  });
  if (!order) throw new AppError("not_found", "Order not found.");
  if (order.escrowStatus === "released") return "already_released";
  const releasableFrom = hooks.resolvingDispute ? "disputed" : "delivered";
  if (order.status !== releasableFrom || order.escrowStatus !== "held") return "not_releasable";
  const destination = order.seller.stripeAccountId;
  if (!destination) throw new AppError("conflict", "The seller has not connected a payout account yet; the money stays in escrow until they do.");
  const chargeId = order.checkout.payments[0]?.chargeId;
  if (!chargeId) throw new AppError("conflict", "No captured charge for this order.");

  const amountCents = order.totalCents - order.platformFeeCents;
  const idempotencyKey = `release:${order.id}`;
  await db().transfer.upsert({ where: { idempotencyKey }, create: { orderId: order.id, sellerId: order.sellerId, idempotencyKey, amountCents, currency: order.currency }, update: {} });

  const params = { amount: amountCents, currency: order.currency.toLowerCase(), destination, transfer_group: order.checkoutId, metadata: { order_id: order.id } };
  let transfer;
  try {
    transfer = await stripe().transfers.create({ ...params, source_transaction: chargeId }, { idempotencyKey });
  } catch (err) {
    // A card dispute took the charge's funds; an admin released anyway, so the platform pays
    // from its own balance (the first attempt failed, so this cannot pay twice).
    if (!hooks.resolvingDispute || (err as { type?: string }).type !== "StripeInvalidRequestError") throw err;
    transfer = await stripe().transfers.create(params, { idempotencyKey: `${idempotencyKey}:platform-balance` });
  }
  hooks.afterTransfer?.();

  return db().$transaction(async (tx) => {
    await tx.transfer.update({ where: { idempotencyKey }, data: { stripeTransferId: transfer.id, status: "paid" } });
    const moved = await transitionOrder(tx, { orderId: order.id, to: "completed", actorType: "system", from: [releasableFrom], note: "Seller paid from escrow", data: { escrowStatus: "released" } });
    if (!moved.changed) return "already_released";
    await postRelease(tx, { orderId: order.id, sellerId: order.sellerId, currency: order.currency, sellerShareCents: amountCents, commissionCents: order.platformFeeCents });
    await recordOutboxEvent(tx, { aggregateType: "order", aggregateId: order.id, eventType: "order.completed" });
    return "released";
  });
}
