import "server-only";

import type { z } from "zod";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordOutboxEvent } from "@/lib/outbox/record-outbox-event";

import { queueRatingAggregation } from "../ratings/queue-rating-aggregation";
import { ZEditReview } from "../review-input";
import { REVIEW_EDIT_HOURS } from "../review-rules";
import { attachReviewImages } from "./attach-review-images";

/** The buyer changes their own review within the edit window; a rating change is re-aggregated. */
export async function editReview(opts: {
  buyerId: string;
  reviewId: string;
  input: z.input<typeof ZEditReview>;
  now?: Date;
}): Promise<{ reviewId: string; editableUntil: Date }> {
  const input = parseInput(ZEditReview, opts.input);
  const { images, ...fields } = input;
  const now = opts.now ?? new Date();
  try {
    return await db().$transaction(async (tx) => {
      const review = await tx.review.findFirst({
        where: { id: opts.reviewId, buyerId: opts.buyerId },
        select: {
          id: true,
          status: true,
          rating: true,
          editableUntil: true,
          productId: true,
          product: { select: { sellerId: true } },
        },
      });
      if (!review) throw new AppError("not_found", "Review not found.");
      if (review.status === "hidden")
        throw new AppError("conflict", "This review was hidden by a moderator and can't be edited.");
      if (review.status === "held")
        throw new AppError(
          "conflict",
          "This review is waiting for a moderator's check and can't be edited until then.",
        );
      if (now.getTime() > review.editableUntil.getTime())
        throw new AppError(
          "conflict",
          `Reviews can be edited for ${REVIEW_EDIT_HOURS} hours after posting; this one can no longer be changed.`,
        );
      // The same conditions again on the write, in case a moderator hid it a moment ago.
      const updated = await tx.review.updateMany({
        where: { id: review.id, status: "visible", editableUntil: { gte: now } },
        data: fields,
      });
      if (updated.count === 0) throw new AppError("conflict", "This review can no longer be changed.");
      if (images) await attachReviewImages(tx, { reviewId: review.id, userId: opts.buyerId, uploadIds: images });
      await recordOutboxEvent(tx, {
        aggregateType: "review",
        aggregateId: review.id,
        eventType: "review.edited",
        payload: { product_id: review.productId },
      });
      if (fields.rating !== undefined && fields.rating !== review.rating)
        await queueRatingAggregation(tx, { productId: review.productId, sellerId: review.product.sellerId });
      return { reviewId: review.id, editableUntil: review.editableUntil };
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002")
      throw new AppError("conflict", "One of the photos is already on another review.");
    throw err;
  }
}
