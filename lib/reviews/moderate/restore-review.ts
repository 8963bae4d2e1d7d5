import "server-only";

import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { recordOutboxEvent } from "@/lib/outbox/record-outbox-event";

import { queueRatingAggregation } from "../ratings/queue-rating-aggregation";

/**
 * An admin undoes a hide: the review is visible again and, through the aggregation job queued
 * here, back in the product's and seller's ratings. The case that hid it is marked overturned
 * (dismissed, with the note), so the queue's history says what happened.
 */
export async function restoreReview(opts: {
  caseId: string;
  adminId: string;
  note?: string;
}): Promise<{ reviewId: string }> {
  const note = opts.note?.trim() ?? "";
  if (note.length > 1000) throw new AppError("validation_failed", "Notes must be at most 1,000 characters.");
  return db().$transaction(async (tx) => {
    const c = await tx.moderationCase.findFirst({
      where: { id: opts.caseId, subjectType: "review" },
      select: {
        id: true,
        status: true,
        resolution: true,
        review: { select: { id: true, status: true, productId: true, product: { select: { sellerId: true } } } },
      },
    });
    if (!c || !c.review) throw new AppError("not_found", "Case not found.");
    if (c.status !== "rejected" || c.review.status !== "hidden")
      throw new AppError("conflict", "This review is not hidden.");
    const restored = await tx.review.updateMany({
      where: { id: c.review.id, status: "hidden" },
      data: { status: "visible" },
    });
    if (restored.count === 0) throw new AppError("conflict", "This review is not hidden.");
    await tx.moderationCase.update({
      where: { id: c.id },
      data: {
        status: "dismissed",
        resolution: `Restored${note ? `: ${note}` : ""} (was: ${c.resolution ?? "hidden"})`.slice(0, 1000),
        resolvedById: opts.adminId,
        resolvedAt: new Date(),
      },
    });
    await recordOutboxEvent(tx, {
      aggregateType: "review",
      aggregateId: c.review.id,
      eventType: "review.restored",
      payload: { product_id: c.review.productId },
    });
    await queueRatingAggregation(tx, { productId: c.review.productId, sellerId: c.review.product.sellerId });
    await recordAuditEvent(tx, {
      actor: { role: "admin", id: opts.adminId },
      action: "review.restored",
      target: { type: "review", id: c.review.id },
      details: { caseId: c.id, note },
    });
    return { reviewId: c.review.id };
  });
}
