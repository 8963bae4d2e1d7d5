import "server-only";

import type { z } from "zod";

import { recordRequestSignal, type RequestOrigin } from "@/lib/auth/record-request-signal";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { Prisma } from "@/lib/generated/prisma/client";
import { emitDomainEvent } from "@/lib/outbox/emit-domain-event";
import { recordOutboxEvent } from "@/lib/outbox/record-outbox-event";

import { queueRatingAggregation } from "../ratings/queue-rating-aggregation";
import { ZCreateReview } from "../review-input";
import { REVIEW_EDIT_HOURS, reviewEligibility } from "../review-rules";
import { scoreReviewRisk } from "../signals/score-review-risk";
import { attachReviewImages } from "./attach-review-images";

export type CreatedReview = { reviewId: string; orderItemId: string; productId: string; editableUntil: Date };

/**
 * A buyer reviews one item of their own delivered order: once per item, within the review
 * window, with up to five of their own processed photos. The review is a verified purchase.
 * The rating aggregation job is queued in the same transaction; the fraud hook runs in it.
 */
export async function createReview(opts: {
  buyerId: string;
  orderId: string;
  input: z.input<typeof ZCreateReview>;
  now?: Date;
  /** Where the request came from: recorded before the fraud checks, which compare it with the seller's. */
  origin?: RequestOrigin;
}): Promise<CreatedReview> {
  const input = parseInput(ZCreateReview, opts.input);
  const now = opts.now ?? new Date();
  try {
    return await db().$transaction(async (tx) => {
      const order = await tx.order.findFirst({
        where: { id: opts.orderId, buyerId: opts.buyerId },
        select: {
          id: true,
          sellerId: true,
          status: true,
          deliveredAt: true,
          completedAt: true,
          items: { orderBy: { id: "asc" }, select: { id: true, productId: true } },
        },
      });
      if (!order) throw new AppError("not_found", "Order not found.");
      const eligible = reviewEligibility(order, now);
      if (!eligible.ok) throw new AppError("conflict", eligible.message, { reason: eligible.code });

      // With one item in the order, order_item_id may be left out.
      const item = input.order_item_id
        ? order.items.find((i) => i.id === input.order_item_id)
        : order.items.length === 1
          ? order.items[0]
          : undefined;
      if (!item && input.order_item_id)
        throw new AppError("validation_failed", "That item is not part of this order.", {
          fields: { order_item_id: "not in this order" },
        });
      if (!item)
        throw new AppError(
          "validation_failed",
          "This order has several items: say which one you are reviewing (order_item_id).",
          { fields: { order_item_id: "required" } },
        );

      const existing = await tx.review.findUnique({ where: { orderItemId: item.id }, select: { id: true } });
      if (existing)
        throw new AppError("conflict", "You have already reviewed this item. You can edit your review instead.", {
          reviewId: existing.id,
        });

      const review = await tx.review.create({
        data: {
          orderId: order.id,
          orderItemId: item.id,
          productId: item.productId,
          buyerId: opts.buyerId,
          rating: input.rating,
          title: input.title,
          body: input.body,
          verifiedPurchase: true,
          createdAt: now,
          editableUntil: new Date(now.getTime() + REVIEW_EDIT_HOURS * 3_600_000),
        },
        select: { id: true, editableUntil: true },
      });
      await attachReviewImages(tx, { reviewId: review.id, userId: opts.buyerId, uploadIds: input.images });
      if (opts.origin)
        await recordRequestSignal(
          { userId: opts.buyerId, action: "review", subjectId: review.id, origin: opts.origin },
          tx,
        );
      await scoreReviewRisk(tx, { reviewId: review.id });
      await recordOutboxEvent(tx, {
        aggregateType: "review",
        aggregateId: review.id,
        eventType: "review.created",
        payload: { product_id: item.productId, rating: input.rating },
      });
      await emitDomainEvent(tx, "review.received", { reviewId: review.id });
      await queueRatingAggregation(tx, { productId: item.productId, sellerId: order.sellerId });
      return {
        reviewId: review.id,
        orderItemId: item.id,
        productId: item.productId,
        editableUntil: review.editableUntil,
      };
    });
  } catch (err) {
    // Two submissions of the same item raced past the check above; the unique index decided.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      throw new AppError(
        "conflict",
        "You have already reviewed this item, or one of the photos is already on another review.",
      );
    }
    throw err;
  }
}
