import type { Tx } from "@/lib/db/client";
import type { ActorType, ReturnRefundTrigger, ReturnStatus } from "@/lib/generated/prisma/enums";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { JOBS } from "@/lib/jobs/queues";

import { shippingRefundCents } from "./return-rules";
import { transitionReturn } from "./return-status";

/**
 * Marks a return's refund as due, once, under the return's row lock: what made it due, whether
 * the items go back to stock, and the shipping to refund by policy (once per order) are fixed
 * here, so every retry of the refund repeats the same one. The refund job is queued in the same
 * transaction. Returns false when a refund was already claimed or the return can't be refunded.
 */
export async function claimReturnRefund(
  tx: Tx,
  opts: {
    returnId: string;
    trigger: ReturnRefundTrigger;
    actorType: ActorType;
    actorId?: string | null;
    from: ReturnStatus[];
    to: ReturnStatus;
  },
): Promise<boolean> {
  const [row] = await tx.$queryRaw<
    { id: string; status: ReturnStatus; refund_trigger: string | null }[]
  >`SELECT id, status, refund_trigger FROM returns WHERE id = ${opts.returnId}::uuid FOR UPDATE`;
  if (!row || row.refund_trigger || !opts.from.includes(row.status)) return false;
  const r = await tx.return.findUniqueOrThrow({
    where: { id: opts.returnId },
    select: { reason: true, order: { select: { id: true, shippingCents: true } } },
  });
  const earlier = await tx.return.aggregate({
    where: { orderId: r.order.id, id: { not: opts.returnId }, refundTrigger: { not: null } },
    _sum: { shippingRefundCents: true },
  });
  const shipping = shippingRefundCents({
    reason: r.reason,
    orderShippingCents: r.order.shippingCents,
    shippingAlreadyRefundedCents: earlier._sum.shippingRefundCents ?? 0,
  });
  const data = {
    refundTrigger: opts.trigger,
    refundRestock: opts.trigger === "seller_receipt",
    shippingRefundCents: shipping,
  };
  if (opts.to === row.status) {
    await tx.return.update({ where: { id: opts.returnId }, data });
  } else {
    const moved = await transitionReturn(tx, {
      returnId: opts.returnId,
      to: opts.to,
      actorType: opts.actorType,
      actorId: opts.actorId,
      from: [row.status],
      note: opts.trigger === "seller_receipt" ? "Seller confirmed the parcel arrived" : null,
      data,
    });
    if (!moved.changed) return false;
  }
  await enqueueJob({ name: JOBS.refundReturn, data: { returnId: opts.returnId }, tx });
  return true;
}
