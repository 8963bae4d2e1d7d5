import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { postRelease } from "@/lib/ledger/post-release";
import { logger } from "@/lib/log/logger";
import { transitionOrder } from "@/lib/orders/order-status";
import { emitDomainEvent } from "@/lib/outbox/emit-domain-event";

import {
  classifyReleaseFailure,
  NO_PAYOUT_ACCOUNT,
  PAYOUTS_DISABLED,
  type ReleaseFailure,
} from "./classify-release-failure";
import { releaseRetryAt } from "./release-retry-at";
import { stripe } from "./stripe-client";

export type ReleaseOutcome = "released" | "already_released" | "not_releasable" | "parked";

/**
 * Pays a delivered order's seller: a Stripe Transfer of total minus commission to their
 * connected account, funded by the checkout's charge (source_transaction), then the ledger's
 * release and commission entries and the order completed. Three steps, each safe to repeat:
 * the transfer row is claimed first, the Stripe call carries an idempotency key derived from
 * the order, and recording is conditional, so a worker killed anywhere leaves exactly one
 * transfer and one set of entries after a rerun. No database transaction spans the network call.
 *
 * A release that cannot run (no payout account, an account Stripe won't pay, the platform's
 * balance, any Stripe error) is parked on the order with its reason and "parked" returned;
 * the seller is told once per cause, and it resumes when the cause is gone (retry-release).
 */
export async function releaseEscrow(
  orderId: string,
  hooks: { afterTransfer?: () => void; resolvingDispute?: boolean } = {},
): Promise<ReleaseOutcome> {
  const order = await db().order.findUnique({
    where: { id: orderId },
    select: {
      id: true,
      status: true,
      escrowStatus: true,
      currency: true,
      sellerId: true,
      checkoutId: true,
      releaseBlockedAt: true,
      seller: { select: { stripeAccountId: true, payoutsEnabled: true } },
      checkout: { select: { payments: { where: { status: "succeeded" }, select: { chargeId: true } } } },
    },
  });
  if (!order) throw new AppError("not_found", "Order not found.");
  if (order.escrowStatus === "released") return "already_released";
  // A card dispute freezes the order's money until the network decides it.
  if (await db().chargeback.count({ where: { orderId, status: "open" } })) return "not_releasable";
  const releasableFrom = hooks.resolvingDispute ? "disputed" : "delivered";
  if (order.status !== releasableFrom || order.escrowStatus !== "held") return "not_releasable";
  const destination = order.seller.stripeAccountId;
  if (!destination) return parkRelease(order, releasableFrom, NO_PAYOUT_ACCOUNT);
  if (!order.seller.payoutsEnabled) return parkRelease(order, releasableFrom, PAYOUTS_DISABLED);
  const chargeId = order.checkout.payments[0]?.chargeId;
  if (!chargeId) throw new AppError("conflict", "No captured charge for this order.");

  const idempotencyKey = `release:${order.id}`;
  // Claimed under the order's lock, for what is left after partial refunds: a refund being
  // made blocks the claim, and refunds wait while a claim is pending, so both never move the
  // same money. A claim Stripe refused outright moved nothing, so it is re-priced.
  const claim = await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM orders WHERE id = ${order.id}::uuid FOR UPDATE`;
    const left = await tx.order.findUniqueOrThrow({
      where: { id: order.id },
      select: {
        totalCents: true,
        platformFeeCents: true,
        refundedCents: true,
        refundedFeeCents: true,
        refunds: {
          where: { appliedAt: null, status: { not: "failed" }, kind: { not: "late_payment" } },
          select: { id: true },
        },
      },
    });
    const commissionCents = left.platformFeeCents - left.refundedFeeCents;
    const amountCents = left.totalCents - left.refundedCents - commissionCents;
    const existing = await tx.transfer.findUnique({
      where: { idempotencyKey },
      select: { amountCents: true, keyVersion: true, status: true },
    });
    if (existing && existing.status !== "failed")
      return { amountCents: existing.amountCents, commissionCents, keyVersion: existing.keyVersion };
    if (left.refunds.length)
      throw new AppError("conflict", "A refund of this order is under way; the release runs after it.");
    if (existing) await tx.transfer.update({ where: { idempotencyKey }, data: { amountCents, status: "pending" } });
    else
      await tx.transfer.create({
        data: { orderId: order.id, sellerId: order.sellerId, idempotencyKey, amountCents, currency: order.currency },
      });
    return { amountCents, commissionCents, keyVersion: existing?.keyVersion ?? 0 };
  });
  const { amountCents, commissionCents } = claim;
  // Concurrent attempts read the same version, so they share one key and Stripe makes one
  // transfer; a new version exists only once Stripe refused the old key's request outright.
  const stripeKey = claim.keyVersion === 0 ? idempotencyKey : `${idempotencyKey}:${claim.keyVersion}`;

  const params = {
    amount: amountCents,
    currency: order.currency.toLowerCase(),
    destination,
    transfer_group: order.checkoutId,
    metadata: { order_id: order.id },
  };
  let transfer;
  try {
    try {
      transfer = await stripe().transfers.create(
        { ...params, source_transaction: chargeId },
        { idempotencyKey: stripeKey },
      );
    } catch (err) {
      // A card dispute took the charge's funds; an admin released anyway, so the platform pays
      // from its own balance (the first attempt failed, so this cannot pay twice).
      if (!hooks.resolvingDispute || (err as { type?: string }).type !== "StripeInvalidRequestError") throw err;
      transfer = await stripe().transfers.create(params, { idempotencyKey: `${stripeKey}:platform-balance` });
    }
  } catch (err) {
    const failure = classifyReleaseFailure(err);
    logger.warn({ err, order: order.id, code: failure.code }, "escrow release parked");
    if (failure.refused)
      await db().transfer.updateMany({
        where: { idempotencyKey, keyVersion: claim.keyVersion },
        data: { keyVersion: { increment: 1 }, status: "failed" },
      });
    return parkRelease(order, releasableFrom, failure);
  }
  hooks.afterTransfer?.();

  return db().$transaction(async (tx) => {
    await tx.transfer.update({ where: { idempotencyKey }, data: { stripeTransferId: transfer.id, status: "paid" } });
    await tx.order.updateMany({
      where: { id: order.id, releaseBlockedCode: { not: null } },
      data: { releaseBlockedCode: null, releaseBlockedReason: null, releaseBlockedAt: null, releaseRetryAt: null },
    });
    const moved = await transitionOrder(tx, {
      orderId: order.id,
      to: "completed",
      actorType: "system",
      from: [releasableFrom],
      note: "Seller paid from escrow",
      data: { escrowStatus: "released" },
    });
    if (!moved.changed) return "already_released";
    await postRelease(tx, {
      orderId: order.id,
      sellerId: order.sellerId,
      currency: order.currency,
      sellerShareCents: amountCents,
      commissionCents,
    });
    return "released";
  });
}

/**
 * Records why the release is waiting, when it is retried, and tells the seller once per
 * cause; only while the order still waits to be paid (a concurrent attempt may have paid it).
 */
async function parkRelease(
  order: { id: string; releaseBlockedAt: Date | null },
  from: OrderStatus,
  failure: ReleaseFailure,
): Promise<ReleaseOutcome> {
  const now = new Date();
  return db().$transaction(async (tx) => {
    // The row lock serialises concurrent parkers, so every failed attempt is counted.
    const [current] = await tx.$queryRaw<
      { release_attempts: number }[]
    >`SELECT release_attempts FROM orders WHERE id = ${order.id}::uuid FOR UPDATE`;
    const attempts = (current?.release_attempts ?? 0) + 1;
    const parked = await tx.order.updateMany({
      where: { id: order.id, status: from, escrowStatus: "held" },
      data: {
        releaseBlockedCode: failure.code,
        releaseBlockedReason: failure.reason.slice(0, 500),
        releaseBlockedAt: order.releaseBlockedAt ?? now,
        releaseAttempts: attempts,
        releaseRetryAt: releaseRetryAt(attempts, now),
      },
    });
    if (parked.count === 0) {
      const after = await tx.order.findUnique({ where: { id: order.id }, select: { escrowStatus: true } });
      return after?.escrowStatus === "released" ? "already_released" : "not_releasable";
    }
    await emitDomainEvent(tx, "order.release_blocked", {
      orderId: order.id,
      code: failure.code,
      reason: failure.reason,
    });
    return "parked";
  });
}
