import "server-only";

import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

export type ReleaseClaim = { amountCents: number; commissionCents: number; keyVersion: number };

/**
 * Claims the release's transfer row, in the caller's transaction under the order's lock, for
 * what is left after partial refunds: a refund being made blocks the claim, and refunds wait
 * while a claim is pending, so both never move the same money. A pending or paid claim is
 * shared by concurrent attempts; one Stripe refused outright moved nothing, so it is re-priced.
 */
export async function claimReleaseTransfer(
  opts: { order: { id: string; sellerId: string; currency: string }; idempotencyKey: string },
  tx: Tx,
): Promise<ReleaseClaim> {
  const { order, idempotencyKey } = opts;
  await tx.$queryRaw`SELECT id FROM orders WHERE id = ${order.id}::uuid FOR UPDATE`;
  const left = await tx.order.findUniqueOrThrow({
    where: { id: order.id },
    select: {
      totalCents: true,
      platformFeeCents: true,
      refundedCents: true,
      refundedFeeCents: true,
      taxCents: true,
      refundedTaxCents: true,
      refunds: {
        where: { appliedAt: null, status: { not: "failed" }, kind: { not: "late_payment" } },
        select: { id: true },
      },
    },
  });
  const commissionCents = left.platformFeeCents - left.refundedFeeCents;
  // The tax left on the order went to the tax payable at capture: it is not the seller's.
  const taxLeft = left.taxCents - left.refundedTaxCents;
  const amountCents = left.totalCents - left.refundedCents - commissionCents - taxLeft;
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
}
