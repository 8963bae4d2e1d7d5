import "server-only";

import type { Tx } from "@/lib/db/client";
import { transitionOrder } from "@/lib/orders/order-status";
import { emitDomainEvent } from "@/lib/outbox/emit-domain-event";

import type { RefundClaim, RefundStepOptions } from "./refund-order-options";

/**
 * The order's side of an applied refund, in its transaction: refunded in whole, the order
 * becomes `refunded` and its open disputes are resolved as refunded; in part, the order keeps
 * its status, with a line in its history and an `order.partially_refunded` event.
 */
export async function closeRefundedOrder(opts: RefundStepOptions & { claim: RefundClaim; whole: boolean }, tx: Tx) {
  const { refund, order } = opts.claim;
  if (opts.whole) {
    await transitionOrder(tx, {
      orderId: order.id,
      to: "refunded",
      actorType: opts.actorType,
      actorId: opts.actorId,
      note: opts.reason,
      data: { escrowStatus: "refunded", ...opts.orderData },
    });
    await tx.dispute.updateMany({
      where: { orderId: order.id, status: "open" },
      data: {
        status: "resolved_refunded",
        resolvedById: opts.actorId ?? null,
        resolvedAt: new Date(),
        resolutionNote: opts.reason.slice(0, 1000),
      },
    });
    return;
  }
  await tx.orderStatusChange.create({
    data: {
      orderId: order.id,
      fromStatus: order.status,
      toStatus: order.status,
      actorType: opts.actorType,
      actorId: opts.actorId ?? null,
      note: opts.reason,
    },
  });
  await emitDomainEvent(tx, "order.partially_refunded", {
    orderId: order.id,
    refundId: refund.id,
    amountCents: refund.amountCents,
    reason: opts.reason,
    kind: refund.kind,
  });
}
