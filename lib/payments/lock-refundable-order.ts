import "server-only";

import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

/**
 * Locks the order for a refund (the caller's transaction holds the row lock until it commits)
 * and reads what planning the refund needs. The owner check is in the lock's query; an order
 * under a card dispute is refused, since the card network is returning or deciding about the
 * payment and refunding it too would pay the buyer twice.
 */
export async function lockRefundableOrder(opts: { orderId: string; sellerId?: string; buyerId?: string }, tx: Tx) {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM orders WHERE id = ${opts.orderId}::uuid
       AND (${opts.sellerId ?? null}::uuid IS NULL OR seller_id = ${opts.sellerId ?? null}::uuid)
       AND (${opts.buyerId ?? null}::uuid IS NULL OR buyer_id = ${opts.buyerId ?? null}::uuid)
     FOR UPDATE`;
  if (locked.length === 0) throw new AppError("not_found", "Order not found.");
  if (await tx.chargeback.count({ where: { orderId: opts.orderId, status: { in: ["open", "lost"] } } })) {
    throw new AppError(
      "conflict",
      "The buyer's bank is handling a card dispute on this payment, so it can't be refunded: the dispute decides where the money goes.",
    );
  }
  return tx.order.findUniqueOrThrow({
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
      taxCents: true,
      taxInclusive: true,
      refundedTaxCents: true,
      chargeCurrency: true,
      chargeTotalCents: true,
      chargeTaxCents: true,
      fxDifferenceCents: true,
      chargeRefundedCents: true,
      chargeRefundedTaxCents: true,
      items: {
        select: { id: true, titleSnapshot: true, quantity: true, unitPriceCents: true, refundedQuantity: true },
      },
      checkout: {
        select: { payments: { where: { status: "succeeded" }, select: { id: true, paymentIntentId: true } } },
      },
      transfers: { select: { status: true, stripeTransferId: true, amountCents: true, reversedCents: true } },
      refunds: {
        where: { appliedAt: null, status: { not: "failed" }, kind: { not: "late_payment" } },
        select: {
          idempotencyKey: true,
          amountCents: true,
          shippingCents: true,
          commissionCents: true,
          taxCents: true,
          chargeAmountCents: true,
          chargeTaxCents: true,
          lines: true,
        },
      },
    },
  });
}

export type RefundableOrder = Awaited<ReturnType<typeof lockRefundableOrder>>;
