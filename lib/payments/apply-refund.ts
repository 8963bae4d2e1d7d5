import "server-only";

import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { adjustInventory } from "@/lib/inventory/adjust-inventory";
import { fxAccount } from "@/lib/ledger/accounts";
import { postFxRefund } from "@/lib/ledger/post-fx-refund";
import { postRefundAfterRelease } from "@/lib/ledger/post-refund-after-release";
import { postRefundBeforeRelease } from "@/lib/ledger/post-refund-before-release";

import { closeRefundedOrder } from "./close-refunded-order";
import { fxAccountShare } from "./plan-charge-refund";
import type { RefundLine } from "./plan-refund";
import type { RefundClaim, RefundOrderResult, RefundStepOptions } from "./refund-order-options";
import type { RefundReversal } from "./reverse-refund-transfer";

export type ApplyRefundOptions = RefundStepOptions & {
  claim: RefundClaim;
  reversal: RefundReversal;
  stripeRefund: { id: string; status: string | null };
};

/**
 * Step 3, in the caller's transaction, once: records what Stripe did on the refunds row, adds
 * it to the order's and items' refunded counters (CHECKs keep them within what was paid), gives
 * stock back if asked, and posts the ledger (before release money leaves escrow; after, the
 * reversal, with any shortfall as the seller's receivable). A repeat finds the row applied.
 */
export async function applyRefund(opts: ApplyRefundOptions, tx: Tx): Promise<RefundOrderResult> {
  const { refund, order } = opts.claim;
  const { reversal } = opts;
  await tx.$queryRaw`SELECT id FROM orders WHERE id = ${order.id}::uuid FOR UPDATE`;
  const applied = await tx.refund.updateMany({
    where: { id: refund.id, appliedAt: null },
    data: {
      appliedAt: new Date(),
      stripeRefundId: opts.stripeRefund.id,
      stripeReversalId: reversal.reversalId,
      status: opts.stripeRefund.status === "succeeded" ? "succeeded" : "pending",
    },
  });
  if (applied.count === 0) return { outcome: "already_refunded", refundId: refund.id, amountCents: refund.amountCents };
  const updated = await tx.order.update({
    where: { id: order.id },
    data: {
      refundedCents: { increment: refund.amountCents },
      refundedShippingCents: { increment: refund.shippingCents },
      refundedFeeCents: { increment: refund.commissionCents },
      refundedTaxCents: { increment: refund.taxCents },
      chargeRefundedCents: { increment: refund.chargeAmountCents ?? 0 },
      chargeRefundedTaxCents: { increment: refund.chargeTaxCents ?? 0 },
    },
    select: { refundedCents: true, totalCents: true },
  });
  await recordRefundedItems(opts, tx);
  if (reversal.reversedCents > 0 && order.transferId) {
    const reversedTo =
      reversal.transferReversedCents === null
        ? Prisma.sql`reversed_cents + ${reversal.reversedCents}`
        : Prisma.sql`GREATEST(reversed_cents, ${reversal.transferReversedCents})`;
    await tx.$executeRaw`UPDATE transfers SET reversed_cents = LEAST(amount_cents, ${reversedTo}), updated_at = now() WHERE stripe_transfer_id = ${order.transferId}`;
  }

  // Paid in another currency: in the shop's, the money goes to the pair's FX account, which
  // pays the buyer back in theirs (fxRefundRule).
  const charge = order.charge;
  const common = {
    orderId: order.id,
    buyerId: order.buyerId,
    currency: order.currency,
    amountCents: refund.amountCents,
    taxCents: refund.taxCents,
    refundKey: opts.key,
    payee: charge ? fxAccount(charge.currency, order.currency) : undefined,
  };
  if (refund.afterRelease)
    await postRefundAfterRelease(tx, {
      ...common,
      sellerId: order.sellerId,
      sellerShareCents: refund.amountCents - refund.commissionCents - refund.taxCents,
      commissionCents: refund.commissionCents,
      reversalKey: `reversal:${opts.key}`,
    });
  else await postRefundBeforeRelease(tx, common);
  if (charge)
    await postFxRefund(tx, {
      orderId: order.id,
      buyerId: order.buyerId,
      shopCurrency: order.currency,
      chargeCurrency: charge.currency,
      chargeAmountCents: refund.chargeAmountCents ?? 0,
      fxCents: fxAccountShare(charge, updated.refundedCents - refund.amountCents, updated.refundedCents),
      refundKey: opts.key,
    });

  await closeRefundedOrder({ ...opts, whole: updated.refundedCents >= updated.totalCents }, tx);
  await recordAuditEvent(tx, {
    actor: { role: opts.actorType, id: opts.actorId },
    action: "refund.issued",
    target: { type: "order", id: order.id },
    details: {
      refundId: refund.id,
      kind: opts.kind ?? null,
      key: opts.key,
      amountCents: refund.amountCents,
      shippingCents: refund.shippingCents,
      currency: order.currency,
      chargeAmountCents: refund.chargeAmountCents,
      chargeCurrency: charge?.currency ?? null,
      afterRelease: refund.afterRelease,
      reason: opts.reason,
    },
  });
  await opts.onApplied?.(tx, { id: refund.id, amountCents: refund.amountCents });
  return { outcome: "refunded", refundId: refund.id, amountCents: refund.amountCents };
}

/** The refunded quantities per item, in a fixed order so concurrent refunds lock rows alike. */
async function recordRefundedItems(opts: ApplyRefundOptions, tx: Tx) {
  const { refund, order } = opts.claim;
  const lines = refund.lines as RefundLine[];
  for (const l of [...lines].sort((a, b) => a.orderItemId.localeCompare(b.orderItemId))) {
    const item = await tx.orderItem.update({
      where: { id: l.orderItemId, orderId: order.id },
      data: { refundedQuantity: { increment: l.quantity } },
      select: { productId: true, variantId: true },
    });
    if (refund.restock)
      await adjustInventory(tx, {
        productId: item.productId,
        variantId: item.variantId,
        delta: l.quantity,
        reason: "order_refunded",
        orderId: order.id,
        actorId: opts.actorId ?? null,
        note: opts.reason.slice(0, 200),
      });
  }
}
