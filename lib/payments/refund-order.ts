import "server-only";

import { db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ActorType, OrderStatus, RefundKind } from "@/lib/generated/prisma/enums";
import { adjustInventory } from "@/lib/inventory/adjust-inventory";
import { postRefundAfterRelease } from "@/lib/ledger/post-refund-after-release";
import { postRefundBeforeRelease } from "@/lib/ledger/post-refund-before-release";
import { transitionOrder } from "@/lib/orders/order-status";
import { emitDomainEvent } from "@/lib/outbox/emit-domain-event";

import { planRefund, type RefundLine } from "./plan-refund";
import { stripe } from "./stripe-client";

export type RefundOrderOptions = {
  orderId: string;
  actorType: ActorType;
  actorId?: string | null;
  reason: string;
  /** When set, the order must belong to this seller (authorization in the query). */
  sellerId?: string;
  /** When set, the order must belong to this buyer. */
  buyerId?: string;
  /** Omitted: everything not yet refunded. */
  lines?: RefundLine[];
  /** Shipping refunded with a partial refund; a whole refund includes remaining shipping. */
  shippingCents?: number;
  /** A partial refund of goods by amount instead of items (a claim settled in part). */
  amountCents?: number;
  /** Idempotency key of this refund, e.g. `return:${returnId}`; default `refund:${orderId}`. */
  key?: string;
  kind?: RefundKind;
  /** Give the refunded quantities back to stock. */
  restock?: boolean;
  /** Refuse unless the order is in one of these statuses, checked under the order's lock. */
  requireStatus?: { statuses: OrderStatus[]; message: string };
  /** Extra order fields written with the move to `refunded` (e.g. who cancelled and why). */
  orderData?: Prisma.OrderUpdateManyMutationInput;
  /** Runs in the transaction that applies the refund, once (e.g. closing a claim it settles). */
  onApplied?: (tx: Tx, refund: { id: string; amountCents: number }) => Promise<void>;
};

export type RefundOrderResult = {
  outcome: "refunded" | "already_refunded";
  refundId: string | null;
  amountCents: number;
};

const REFUNDABLE: OrderStatus[] = ["paid", "shipped", "delivered", "disputed", "completed"];

/**
 * Refunds an order, whole or in part (items and quantities, shipping, or an amount), to the
 * buyer. Three steps, each safe to repeat under the refund's key: (1) under the order's lock the
 * refund is planned against what is left and claimed (a refunds row); (2) Stripe: after release
 * the seller's share of it is reversed from the Transfer first, then the buyer is refunded, both
 * with idempotency keys from `key`; (3) one transaction applies it: the order's and items'
 * refunded counters (CHECKs keep them within what was paid), stock if asked, the ledger (before
 * release money leaves escrow; after, the reversal, with any shortfall as the seller's
 * receivable), and the order becomes `refunded` once everything is. No transaction spans Stripe.
 */
export async function refundOrder(opts: RefundOrderOptions): Promise<RefundOrderResult> {
  const key = opts.key ?? `refund:${opts.orderId}`;
  if (key.length > 180) throw new AppError("validation_failed", "Refund key is too long.");
  const reason = opts.reason.trim().slice(0, 500) || "Refund";

  const claim = await db().$transaction((tx) => claimRefund(tx, opts, key, reason));
  if ("outcome" in claim) return claim;
  const { refund, order } = claim;

  const client = stripe();
  const sellerShareCents = refund.amountCents - refund.commissionCents;
  let reversalId = refund.stripeReversalId;
  let reversedCents = 0;
  // Stripe's total reversed on the transfer after this reversal: the transfer.* webhook writes
  // the same absolute figure, so whichever lands first, the other changes nothing.
  let transferReversedCents: number | null = null;
  if (refund.afterRelease && sellerShareCents > 0 && order.transferId && !reversalId) {
    try {
      const reversal = await client.transfers.createReversal(
        order.transferId,
        {
          amount: Math.min(sellerShareCents, order.transferReversibleCents),
          metadata: { order_id: order.id, refund_key: key },
          expand: ["transfer"],
        },
        { idempotencyKey: `reversal:${key}` },
      );
      reversalId = reversal.id;
      reversedCents = reversal.amount;
      if (typeof reversal.transfer === "object" && reversal.transfer)
        transferReversedCents = reversal.transfer.amount_reversed;
    } catch (err) {
      // Already paid out of the seller's Stripe balance: the platform funds the refund and
      // the ledger records what the seller owes as a receivable, netted from later payouts.
      const code = (err as { code?: string }).code;
      if (code !== "balance_insufficient" && code !== "amount_too_large") throw err;
    }
  }
  let stripeRefund;
  try {
    stripeRefund = await client.refunds.create(
      {
        payment_intent: order.paymentIntentId,
        amount: refund.amountCents,
        reason: "requested_by_customer",
        metadata: { order_id: order.id, refund_key: key },
      },
      { idempotencyKey: key },
    );
  } catch (err) {
    // Stripe refused it for good (not a network error to retry): the claim is released, so
    // what it held counts as refundable again.
    if ((err as { type?: string }).type !== "StripeInvalidRequestError") throw err;
    await db().refund.update({ where: { id: refund.id }, data: { status: "failed" } });
    throw new AppError("conflict", `The payment provider refused this refund: ${(err as Error).message}`);
  }

  return db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM orders WHERE id = ${order.id}::uuid FOR UPDATE`;
    const applied = await tx.refund.updateMany({
      where: { id: refund.id, appliedAt: null },
      data: {
        appliedAt: new Date(),
        stripeRefundId: stripeRefund.id,
        stripeReversalId: reversalId,
        status: stripeRefund.status === "succeeded" ? "succeeded" : "pending",
      },
    });
    if (applied.count === 0)
      return { outcome: "already_refunded", refundId: refund.id, amountCents: refund.amountCents };
    const lines = refund.lines as RefundLine[];
    const updated = await tx.order.update({
      where: { id: order.id },
      data: {
        refundedCents: { increment: refund.amountCents },
        refundedShippingCents: { increment: refund.shippingCents },
        refundedFeeCents: { increment: refund.commissionCents },
      },
      select: { refundedCents: true, totalCents: true },
    });
    for (const l of [...lines].sort((a, b) => a.orderItemId.localeCompare(b.orderItemId))) {
      const item = await tx.orderItem.update({
        where: { id: l.orderItemId, orderId: order.id },
        data: { refundedQuantity: { increment: l.quantity } },
        select: { productId: true },
      });
      if (refund.restock)
        await adjustInventory(tx, {
          productId: item.productId,
          delta: l.quantity,
          reason: "order_refunded",
          orderId: order.id,
          actorId: opts.actorId ?? null,
          note: reason.slice(0, 200),
        });
    }
    if (reversedCents > 0 && order.transferId) {
      await tx.$executeRaw`UPDATE transfers SET reversed_cents = LEAST(amount_cents, ${transferReversedCents === null ? Prisma.sql`reversed_cents + ${reversedCents}` : Prisma.sql`GREATEST(reversed_cents, ${transferReversedCents})`}), updated_at = now() WHERE stripe_transfer_id = ${order.transferId}`;
    }

    const common = {
      orderId: order.id,
      buyerId: order.buyerId,
      currency: order.currency,
      amountCents: refund.amountCents,
      refundKey: key,
    };
    if (refund.afterRelease)
      await postRefundAfterRelease(tx, {
        ...common,
        sellerId: order.sellerId,
        sellerShareCents,
        commissionCents: refund.commissionCents,
        reversalKey: `reversal:${key}`,
      });
    else await postRefundBeforeRelease(tx, common);

    if (updated.refundedCents >= updated.totalCents) {
      await transitionOrder(tx, {
        orderId: order.id,
        to: "refunded",
        actorType: opts.actorType,
        actorId: opts.actorId,
        note: reason,
        data: { escrowStatus: "refunded", ...opts.orderData },
      });
      await tx.dispute.updateMany({
        where: { orderId: order.id, status: "open" },
        data: {
          status: "resolved_refunded",
          resolvedById: opts.actorId ?? null,
          resolvedAt: new Date(),
          resolutionNote: reason.slice(0, 1000),
        },
      });
    } else {
      await tx.orderStatusChange.create({
        data: {
          orderId: order.id,
          fromStatus: order.status,
          toStatus: order.status,
          actorType: opts.actorType,
          actorId: opts.actorId ?? null,
          note: reason,
        },
      });
      await emitDomainEvent(tx, "order.partially_refunded", {
        orderId: order.id,
        refundId: refund.id,
        amountCents: refund.amountCents,
        reason,
        kind: refund.kind,
      });
    }
    await opts.onApplied?.(tx, { id: refund.id, amountCents: refund.amountCents });
    return { outcome: "refunded", refundId: refund.id, amountCents: refund.amountCents };
  });
}

type ClaimedRefund = Prisma.RefundGetPayload<object>;
type ClaimedOrder = {
  id: string;
  status: OrderStatus;
  buyerId: string;
  sellerId: string;
  currency: string;
  paymentIntentId: string;
  transferId: string | null;
  transferReversibleCents: number;
};

/** Step 1, under the order's row lock: a repeat finds its own claim; a new refund is planned and claimed. */
async function claimRefund(
  tx: Tx,
  opts: RefundOrderOptions,
  key: string,
  reason: string,
): Promise<RefundOrderResult | { refund: ClaimedRefund; order: ClaimedOrder }> {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM orders WHERE id = ${opts.orderId}::uuid
       AND (${opts.sellerId ?? null}::uuid IS NULL OR seller_id = ${opts.sellerId ?? null}::uuid)
       AND (${opts.buyerId ?? null}::uuid IS NULL OR buyer_id = ${opts.buyerId ?? null}::uuid)
     FOR UPDATE`;
  if (locked.length === 0) throw new AppError("not_found", "Order not found.");
  // The card network is returning (or deciding about) this payment: refunding it too would pay the buyer twice.
  if (await tx.chargeback.count({ where: { orderId: opts.orderId, status: { in: ["open", "lost"] } } })) {
    throw new AppError(
      "conflict",
      "The buyer's bank is handling a card dispute on this payment, so it can't be refunded: the dispute decides where the money goes.",
    );
  }
  const order = await tx.order.findUniqueOrThrow({
    where: { id: opts.orderId },
    select: {
      id: true,
      status: true,
      escrowStatus: true,
      buyerId: true,
      sellerId: true,
      currency: true,
      subtotalCents: true,
      shippingCents: true,
      totalCents: true,
      platformFeeCents: true,
      refundedCents: true,
      refundedShippingCents: true,
      refundedFeeCents: true,
      items: {
        select: { id: true, titleSnapshot: true, quantity: true, unitPriceCents: true, refundedQuantity: true },
      },
      checkout: {
        select: { payments: { where: { status: "succeeded" }, select: { id: true, paymentIntentId: true } } },
      },
      transfers: { select: { status: true, stripeTransferId: true, amountCents: true, reversedCents: true } },
      refunds: {
        where: { appliedAt: null, status: { not: "failed" }, kind: { not: "late_payment" } },
        select: { idempotencyKey: true, amountCents: true, shippingCents: true, commissionCents: true, lines: true },
      },
    },
  });
  const paidTransfer = order.transfers.find((t) => t.status === "paid" && t.stripeTransferId);
  const payment = order.checkout.payments[0];
  const claimedOrder = (): ClaimedOrder => ({
    id: order.id,
    status: order.status,
    buyerId: order.buyerId,
    sellerId: order.sellerId,
    currency: order.currency,
    paymentIntentId: payment!.paymentIntentId,
    transferId: paidTransfer?.stripeTransferId ?? null,
    transferReversibleCents: paidTransfer ? paidTransfer.amountCents - paidTransfer.reversedCents : 0,
  });

  const existing = await tx.refund.findUnique({ where: { idempotencyKey: key } });
  if (existing) {
    if (existing.orderId !== order.id) throw new AppError("conflict", "This refund key belongs to another order.");
    if (existing.appliedAt)
      return { outcome: "already_refunded", refundId: existing.id, amountCents: existing.amountCents };
    if (existing.status === "failed")
      throw new AppError(
        "conflict",
        "This refund was refused by the payment provider; it can't be retried under the same key.",
      );
    return { refund: existing, order: claimedOrder() };
  }
  if (order.status === "refunded") return { outcome: "already_refunded", refundId: null, amountCents: 0 };
  if (opts.requireStatus && !opts.requireStatus.statuses.includes(order.status))
    throw new AppError("conflict", opts.requireStatus.message, { status: order.status });
  if (!REFUNDABLE.includes(order.status))
    throw new AppError("conflict", `This order is ${order.status}; there is nothing to refund.`);
  if (!payment) throw new AppError("conflict", "This order has no captured payment.");
  // A release claimed but not confirmed may be moving this money right now.
  if (order.transfers.some((t) => t.status === "pending"))
    throw new AppError(
      "conflict",
      "This order's payment to the seller is in progress; a refund can run once it has finished. Try again in a minute.",
    );

  const plan = planRefund({
    order,
    items: order.items,
    inFlight: order.refunds.map((r) => ({
      amountCents: r.amountCents,
      shippingCents: r.shippingCents,
      commissionCents: r.commissionCents,
      lines: r.lines as RefundLine[],
    })),
    request: { lines: opts.lines, shippingCents: opts.shippingCents, amountCents: opts.amountCents },
  });
  if (!plan) {
    if (order.refunds.length)
      throw new AppError("conflict", "A refund of what is left on this order is already under way.");
    return { outcome: "already_refunded", refundId: null, amountCents: 0 };
  }
  const refund = await tx.refund.create({
    data: {
      orderId: order.id,
      paymentId: payment.id,
      idempotencyKey: key,
      amountCents: plan.amountCents,
      shippingCents: plan.shippingCents,
      commissionCents: plan.commissionCents,
      lines: plan.lines,
      currency: order.currency,
      reason,
      kind: opts.kind ?? "admin",
      restock: opts.restock ?? false,
      afterRelease: order.escrowStatus === "released",
      initiatedById: opts.actorId ?? null,
    },
  });
  return { refund, order: claimedOrder() };
}
