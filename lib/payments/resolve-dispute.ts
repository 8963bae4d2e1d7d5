import "server-only";

import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

import { refundOrder } from "./refund-order";
import { releaseEscrow } from "./release-escrow";

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
      onApplied: (tx, refund) =>
        recordAuditEvent(tx, {
          actor: { role: "admin", id: opts.adminId },
          action: "dispute.resolved",
          target: { type: "dispute", id: dispute.id },
          details: { orderId: dispute.orderId, decision: "refund", note: opts.note, refundId: refund.id },
        }),
    });
    return;
  }
  const outcome = await releaseEscrow(dispute.orderId, { resolvingDispute: true });
  if (outcome === "not_releasable")
    throw new AppError("conflict", "This order's money can't be released from its current state.");
  // "parked": the decision stands and the release waits for its cause (shown under Money needing attention).
  await db().$transaction(async (tx) => {
    const resolved = await tx.dispute.updateMany({
      where: { id: dispute.id, status: "open" },
      data: {
        status: "resolved_released",
        resolvedById: opts.adminId,
        resolvedAt: new Date(),
        resolutionNote: opts.note.slice(0, 1000),
      },
    });
    if (resolved.count)
      await recordAuditEvent(tx, {
        actor: { role: "admin", id: opts.adminId },
        action: "dispute.resolved",
        target: { type: "dispute", id: dispute.id },
        details: { orderId: dispute.orderId, decision: "release", note: opts.note, release: outcome },
      });
  });
}
