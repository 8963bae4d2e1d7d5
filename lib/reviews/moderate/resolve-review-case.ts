import "server-only";

import type { z } from "zod";

import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import type { ReviewStatus } from "@/lib/generated/prisma/enums";
import { recordOutboxEvent } from "@/lib/outbox/record-outbox-event";

import { queueRatingAggregation } from "../ratings/queue-rating-aggregation";
import { ZReviewCaseDecision } from "../review-input";

// A hidden review's case is "rejected" (the review is); a kept review's is "dismissed" (the reports are).
// A review the fraud checks held is shown (and counted in the ratings) again when kept.
const CASE_STATUS = { hide: "rejected", keep: "dismissed" } as const;

/**
 * An admin decides an open review case: hide the review (it leaves the product page and, via
 * the aggregation job queued here, the ratings) or keep it. A case is decided once.
 */
export async function resolveReviewCase(opts: {
  caseId: string;
  adminId: string;
  input: z.input<typeof ZReviewCaseDecision>;
}): Promise<{ reviewId: string; reviewStatus: ReviewStatus }> {
  const input = parseInput(ZReviewCaseDecision, opts.input);
  const { decision, note } = input;
  return db().$transaction(async (tx) => {
    const c = await tx.moderationCase.findFirst({
      where: { id: opts.caseId, subjectType: "review" },
      select: {
        id: true,
        status: true,
        review: { select: { id: true, status: true, productId: true, product: { select: { sellerId: true } } } },
      },
    });
    if (!c || !c.review) throw new AppError("not_found", "Case not found.");
    const closed = await tx.moderationCase.updateMany({
      where: { id: c.id, status: "open" },
      data: {
        status: CASE_STATUS[decision],
        resolution: note || (decision === "hide" ? "Review hidden" : "Review kept"),
        resolvedById: opts.adminId,
        resolvedAt: new Date(),
      },
    });
    if (closed.count === 0) throw new AppError("conflict", "This case is already resolved.");
    const review = c.review;
    await recordAuditEvent(tx, {
      actor: { role: "admin", id: opts.adminId },
      action: "review.case_resolved",
      target: { type: "review", id: review.id },
      details: { caseId: c.id, decision, note: note ?? null },
    });
    if (decision === "hide" && review.status !== "hidden") {
      await tx.review.update({ where: { id: review.id }, data: { status: "hidden" } });
      await recordOutboxEvent(tx, {
        aggregateType: "review",
        aggregateId: review.id,
        eventType: "review.hidden",
        payload: { product_id: review.productId },
      });
      await queueRatingAggregation(tx, { productId: review.productId, sellerId: review.product.sellerId });
      return { reviewId: review.id, reviewStatus: "hidden" };
    }
    if (decision === "keep" && review.status === "held") {
      await tx.review.update({ where: { id: review.id }, data: { status: "visible" } });
      await queueRatingAggregation(tx, { productId: review.productId, sellerId: review.product.sellerId });
      return { reviewId: review.id, reviewStatus: "visible" };
    }
    return { reviewId: review.id, reviewStatus: review.status };
  });
}
