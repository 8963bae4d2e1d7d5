import "server-only";

import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Tx } from "@/lib/db/client";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { postRelease } from "@/lib/ledger/post-release";
import { transitionOrder } from "@/lib/orders/order-status";

import type { ReleaseOutcome } from "./release-outcome";

/**
 * Records a release Stripe made, in the caller's transaction: the transfer row paid, any
 * parking cleared, the order completed and the ledger's release and commission entries. The
 * move is conditional on the order's status, so a rerun after a crash records nothing twice.
 */
export async function recordRelease(
  opts: {
    order: { id: string; sellerId: string; currency: string };
    from: OrderStatus;
    idempotencyKey: string;
    stripeTransferId: string;
    amountCents: number;
    commissionCents: number;
  },
  tx: Tx,
): Promise<ReleaseOutcome> {
  const { order } = opts;
  await tx.transfer.update({
    where: { idempotencyKey: opts.idempotencyKey },
    data: { stripeTransferId: opts.stripeTransferId, status: "paid" },
  });
  await tx.order.updateMany({
    where: { id: order.id, releaseBlockedCode: { not: null } },
    data: { releaseBlockedCode: null, releaseBlockedReason: null, releaseBlockedAt: null, releaseRetryAt: null },
  });
  const moved = await transitionOrder(tx, {
    orderId: order.id,
    to: "completed",
    actorType: "system",
    from: [opts.from],
    note: "Seller paid from escrow",
    data: { escrowStatus: "released" },
  });
  if (!moved.changed) return "already_released";
  await postRelease(tx, {
    orderId: order.id,
    sellerId: order.sellerId,
    currency: order.currency,
    sellerShareCents: opts.amountCents,
    commissionCents: opts.commissionCents,
  });
  // The worker (or an admin's retry, recorded as theirs) moves it; the release itself is the system's.
  await recordAuditEvent(tx, {
    actor: { role: "system" },
    action: "escrow.released",
    target: { type: "order", id: order.id },
    details: {
      sellerId: order.sellerId,
      amountCents: opts.amountCents,
      commissionCents: opts.commissionCents,
      currency: order.currency,
      stripeTransferId: opts.stripeTransferId,
    },
  });
  return "released";
}
