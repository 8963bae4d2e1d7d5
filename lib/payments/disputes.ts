import { z } from "zod";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { zodToAppError } from "@/lib/errors/zod-to-app-error";
import { transitionOrder } from "@/lib/orders/order-status";

import { refundOrder } from "./refund-order";
import { releaseEscrow } from "./release-escrow";

export const DISPUTE_WINDOW_DAYS = 14;

const ZDispute = z.object({
  reason: z
    .string()
    .trim()
    .min(10, "Tell us what went wrong (at least 10 characters).")
    .max(1000, "At most 1000 characters."),
});

/** A buyer disputes their own shipped order, or a delivered one within 14 days: release pauses. */
export async function openDispute(opts: { buyerId: string; orderId: string; input: unknown }): Promise<void> {
  const parsed = ZDispute.safeParse(opts.input);
  if (!parsed.success) throw zodToAppError(parsed.error, "Dispute");
  await db().$transaction(async (tx) => {
    const order = await tx.order.findFirst({
      where: { id: opts.orderId, buyerId: opts.buyerId },
      select: { id: true, status: true, deliveredAt: true, escrowStatus: true },
    });
    if (!order) throw new AppError("not_found", "Order not found.");
    if (
      order.status === "delivered" &&
      order.deliveredAt &&
      Date.now() - order.deliveredAt.getTime() > DISPUTE_WINDOW_DAYS * 86_400_000
    ) {
      throw new AppError("conflict", `Disputes can be opened up to ${DISPUTE_WINDOW_DAYS} days after delivery.`);
    }
    await transitionOrder(tx, {
      orderId: order.id,
      to: "disputed",
      actorType: "buyer",
      actorId: opts.buyerId,
      from: ["shipped", "delivered"],
      note: "Buyer opened a dispute",
    });
    await tx.dispute.create({ data: { orderId: order.id, openedById: opts.buyerId, reason: parsed.data.reason } });
  });
}

/** An admin decides a dispute: refund the buyer, or release the money to the seller. */
export async function resolveDispute(opts: {
  disputeId: string;
  adminId: string;
  decision: "refund" | "release";
  note: string;
}): Promise<void> {
  const dispute = await db().dispute.findUnique({
    where: { id: opts.disputeId },
    select: { id: true, status: true, orderId: true },
  });
  if (!dispute) throw new AppError("not_found", "Dispute not found.");
  if (dispute.status !== "open") throw new AppError("conflict", "This dispute is already resolved.");
  if (opts.decision === "refund") {
    await refundOrder({
      orderId: dispute.orderId,
      actorType: "admin",
      actorId: opts.adminId,
      reason: opts.note || "Dispute resolved in the buyer's favour",
      kind: "dispute",
    });
    return;
  }
  const outcome = await releaseEscrow(dispute.orderId, { resolvingDispute: true });
  if (outcome === "not_releasable")
    throw new AppError("conflict", "This order's money can't be released from its current state.");
  // "parked": the decision stands and the release waits for its cause (shown under Money needing attention).
  await db().dispute.updateMany({
    where: { id: dispute.id, status: "open" },
    data: {
      status: "resolved_released",
      resolvedById: opts.adminId,
      resolvedAt: new Date(),
      resolutionNote: opts.note.slice(0, 1000),
    },
  });
}
