import "server-only";

import type { z } from "zod";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordOutboxEvent } from "@/lib/outbox/record-outbox-event";

import { ZReviewReply } from "../review-input";

const ALREADY = "You have already replied to this review; edit your reply instead.";

/** The seller of the reviewed product answers a review, once (the reply can be edited later). */
export async function replyToReview(opts: {
  sellerId: string;
  reviewId: string;
  input: z.input<typeof ZReviewReply>;
}): Promise<{ replyId: string }> {
  const input = parseInput(ZReviewReply, opts.input);
  try {
    return await db().$transaction(async (tx) => {
      const review = await tx.review.findFirst({
        where: { id: opts.reviewId, status: "visible", product: { sellerId: opts.sellerId } },
        select: { id: true, reply: { select: { id: true } } },
      });
      if (!review) throw new AppError("not_found", "Review not found among your products' reviews.");
      if (review.reply) throw new AppError("conflict", ALREADY, { replyId: review.reply.id });
      const reply = await tx.reviewReply.create({
        data: { reviewId: review.id, sellerId: opts.sellerId, body: input.body },
        select: { id: true },
      });
      await recordOutboxEvent(tx, { aggregateType: "review", aggregateId: review.id, eventType: "review.replied" });
      return { replyId: reply.id };
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002")
      throw new AppError("conflict", ALREADY);
    throw err;
  }
}
