import "server-only";

import type { z } from "zod";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordOutboxEvent } from "@/lib/outbox/record-outbox-event";

import { ZReviewReport } from "../review-input";
import { openReviewCase } from "./open-review-case";

/** A signed-in user reports a visible review with a reason; it joins (or opens) the review's case in the admin queue. */
export async function reportReview(opts: {
  reporterId: string;
  reviewId: string;
  input: z.input<typeof ZReviewReport>;
}): Promise<{ reportId: string; caseId: string }> {
  const input = parseInput(ZReviewReport, opts.input);
  try {
    return await db().$transaction(async (tx) => {
      const review = await tx.review.findFirst({
        where: { id: opts.reviewId, status: "visible" },
        select: { id: true, buyerId: true },
      });
      if (!review) throw new AppError("not_found", "Review not found.");
      if (review.buyerId === opts.reporterId) throw new AppError("forbidden", "You can't report your own review.");
      const report = await tx.reviewReport.create({
        data: { reviewId: review.id, reporterId: opts.reporterId, reason: input.reason },
        select: { id: true },
      });
      const { caseId } = await openReviewCase(tx, {
        reviewId: review.id,
        reason: { code: "reported", message: "Reported by users" },
      });
      await recordOutboxEvent(tx, { aggregateType: "review", aggregateId: review.id, eventType: "review.reported" });
      return { reportId: report.id, caseId };
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002")
      throw new AppError("conflict", "You have already reported this review. Thank you; a moderator will look at it.");
    throw err;
  }
}
