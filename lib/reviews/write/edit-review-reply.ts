import "server-only";

import type { z } from "zod";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { recordOutboxEvent } from "@/lib/outbox/record-outbox-event";

import { ZReviewReply } from "../review-input";

/** The seller changes their reply to a review of one of their products. */
export async function editReviewReply(opts: {
  sellerId: string;
  reviewId: string;
  input: z.input<typeof ZReviewReply>;
}): Promise<{ replyId: string }> {
  const input = parseInput(ZReviewReply, opts.input);
  return db().$transaction(async (tx) => {
    const reply = await tx.reviewReply.findFirst({
      where: { reviewId: opts.reviewId, sellerId: opts.sellerId, review: { product: { sellerId: opts.sellerId } } },
      select: { id: true },
    });
    if (!reply) throw new AppError("not_found", "Reply not found.");
    await tx.reviewReply.update({ where: { id: reply.id }, data: { body: input.body } });
    await recordOutboxEvent(tx, {
      aggregateType: "review",
      aggregateId: opts.reviewId,
      eventType: "review.reply_edited",
    });
    return { replyId: reply.id };
  });
}
