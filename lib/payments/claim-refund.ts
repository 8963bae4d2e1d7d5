import "server-only";

import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

import { checkRefundAllowed } from "./check-refund-allowed";
import { lockRefundableOrder, type RefundableOrder } from "./lock-refundable-order";
import { planChargeRefund, type ChargedOrder } from "./plan-charge-refund";
import { planRefund, type RefundLine } from "./plan-refund";
import type { ClaimedOrder, RefundClaim, RefundOrderResult, RefundStepOptions } from "./refund-order-options";

/**
 * Step 1 of a refund, in the caller's transaction and under the order's row lock: a repeat
 * under the same key finds its own claim (or its result); a new refund is planned against what
 * is left, counting refunds claimed but not yet applied, and claimed as a refunds row.
 */
export async function claimRefund(opts: RefundStepOptions, tx: Tx): Promise<RefundOrderResult | RefundClaim> {
  const order = await lockRefundableOrder(opts, tx);
  const payment = order.checkout.payments[0];

  const existing = await tx.refund.findUnique({ where: { idempotencyKey: opts.key } });
  if (existing) {
    if (existing.orderId !== order.id) throw new AppError("conflict", "This refund key belongs to another order.");
    if (existing.appliedAt)
      return { outcome: "already_refunded", refundId: existing.id, amountCents: existing.amountCents };
    if (existing.status === "failed")
      throw new AppError(
        "conflict",
        "This refund was refused by the payment provider; it can't be retried under the same key.",
      );
    return { refund: existing, order: claimedOrder(order) };
  }
  const allowed = checkRefundAllowed({ order, payment, requireStatus: opts.requireStatus });
  if (allowed === "already_refunded") return { outcome: "already_refunded", refundId: null, amountCents: 0 };

  const plan = planRefund({
    order,
    items: order.items,
    inFlight: order.refunds.map((r) => ({
      amountCents: r.amountCents,
      shippingCents: r.shippingCents,
      commissionCents: r.commissionCents,
      taxCents: r.taxCents,
      lines: r.lines as RefundLine[],
    })),
    request: { lines: opts.lines, shippingCents: opts.shippingCents, amountCents: opts.amountCents },
  });
  if (!plan) {
    if (order.refunds.length)
      throw new AppError("conflict", "A refund of what is left on this order is already under way.");
    return { outcome: "already_refunded", refundId: null, amountCents: 0 };
  }
  const charged = chargedOrder(order);
  const inFlight = (f: (r: RefundableOrder["refunds"][number]) => number) =>
    order.refunds.reduce((s, r) => s + f(r), 0);
  const charge = charged
    ? planChargeRefund(
        charged,
        {
          cents: order.refundedCents + inFlight((r) => r.amountCents),
          taxCents: order.refundedTaxCents + inFlight((r) => r.taxCents),
          chargeCents: order.chargeRefundedCents + inFlight((r) => r.chargeAmountCents ?? 0),
          chargeTaxCents: order.chargeRefundedTaxCents + inFlight((r) => r.chargeTaxCents ?? 0),
        },
        plan,
      )
    : null;
  const refund = await tx.refund.create({
    data: {
      orderId: order.id,
      paymentId: allowed.payment.id,
      idempotencyKey: opts.key,
      amountCents: plan.amountCents,
      shippingCents: plan.shippingCents,
      commissionCents: plan.commissionCents,
      taxCents: plan.taxCents,
      chargeAmountCents: charge?.chargeAmountCents ?? null,
      chargeTaxCents: charge?.chargeTaxCents ?? null,
      lines: plan.lines,
      currency: order.currency,
      reason: opts.reason,
      kind: opts.kind ?? "admin",
      restock: opts.restock ?? false,
      afterRelease: order.escrowStatus === "released",
      initiatedById: opts.actorId ?? null,
    },
  });
  return { refund, order: claimedOrder(order) };
}

function claimedOrder(order: RefundableOrder): ClaimedOrder {
  const paidTransfer = order.transfers.find((t) => t.status === "paid" && t.stripeTransferId);
  return {
    id: order.id,
    status: order.status,
    buyerId: order.buyerId,
    sellerId: order.sellerId,
    currency: order.currency,
    paymentIntentId: order.checkout.payments[0]!.paymentIntentId,
    transferId: paidTransfer?.stripeTransferId ?? null,
    transferReversibleCents: paidTransfer ? paidTransfer.amountCents - paidTransfer.reversedCents : 0,
    charge: chargedOrder(order),
  };
}

function chargedOrder(order: RefundableOrder): ChargedOrder | null {
  if (!order.chargeCurrency || order.chargeCurrency === order.currency || order.chargeTotalCents === null) return null;
  return {
    currency: order.chargeCurrency,
    totalCents: order.totalCents,
    taxCents: order.taxCents,
    chargeTotalCents: order.chargeTotalCents,
    chargeTaxCents: order.chargeTaxCents ?? 0,
    fxDifferenceCents: order.fxDifferenceCents ?? 0,
  };
}
