import "server-only";

import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { queueEmail } from "@/lib/mail/queue-email";
import { TRANSACTIONAL_FOOTERS } from "@/lib/mail/transactional-footers";

import { refundOrder } from "./refund-order";

// The payment review's decision lives with payments, not fraud: refusing a held payment is
// a refund, and fraud (which scores and holds inside the capture) must not call back up.
/**
 * An admin decides a held order: "clear" lets the seller ship (and tells them), "refund"
 * returns the buyer's money (the seller never ships). The refund happens first; the case is
 * closed only once it went through, so a failed refund leaves the order held for another try.
 */
export async function decideHeldOrder(opts: {
  caseId: string;
  adminId: string;
  decision: "clear" | "refund";
  note?: string;
}): Promise<{ orderId: string; outcome: "cleared" | "refunded" }> {
  const note = opts.note?.trim() ?? "";
  if (opts.decision === "refund" && note.length < 5)
    throw new AppError("validation_failed", "Say why the payment is refused (at least 5 characters).", {
      fields: { note: "required" },
    });
  const c = await db().moderationCase.findFirst({
    where: { id: opts.caseId, subjectType: "order" },
    select: { id: true, status: true, subjectId: true },
  });
  if (!c) throw new AppError("not_found", "Review case not found.");
  if (c.status !== "open") throw new AppError("conflict", "This order was already decided.");
  if (opts.decision === "refund")
    await refundOrder({
      orderId: c.subjectId,
      actorType: "admin",
      actorId: opts.adminId,
      reason: `Payment review: ${note}`,
      kind: "fraud",
    });
  await db().$transaction(async (tx) => {
    const closed = await tx.moderationCase.updateMany({
      where: { id: c.id, status: "open" },
      data: {
        status: opts.decision === "clear" ? "approved" : "rejected",
        resolution: note || (opts.decision === "clear" ? "Cleared to ship" : "Refunded"),
        resolvedById: opts.adminId,
        resolvedAt: new Date(),
      },
    });
    if (closed.count === 0) throw new AppError("conflict", "This order was already decided.");
    await recordAuditEvent(tx, {
      actor: { role: "admin", id: opts.adminId },
      action: "payment_review.decided",
      target: { type: "order", id: c.subjectId },
      details: { caseId: c.id, decision: opts.decision, note },
    });
    if (opts.decision === "clear") {
      const o = await tx.order.findUniqueOrThrow({
        where: { id: c.subjectId },
        select: { id: true, seller: { select: { user: { select: { id: true, email: true } } } } },
      });
      await queueEmail(tx, {
        userId: o.seller.user.id,
        to: o.seller.user.email,
        template: "order-cleared-seller",
        subject: `Cleared to ship: order ${o.id.slice(0, 8)}`,
        body: `The payment for order ${o.id.slice(0, 8)} passed our review. Please ship it now and add the tracking number: ${env().APP_URL}/seller/orders\n`,
        dedupeKey: `order:${o.id}:cleared:seller`,
        footer: TRANSACTIONAL_FOOTERS.order,
      });
    }
  });
  return { orderId: c.subjectId, outcome: opts.decision === "clear" ? "cleared" : "refunded" };
}
