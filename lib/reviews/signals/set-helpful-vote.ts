import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

/**
 * A signed-in user marks a visible review helpful, or takes the mark back. One vote per user
 * (the review_votes primary key); helpful_count is recounted from the votes under a lock on
 * the review, so repeats and concurrent votes always leave the true count.
 */
export async function setHelpfulVote(opts: {
  userId: string;
  reviewId: string;
  helpful: boolean;
}): Promise<{ helpfulCount: number; voted: boolean }> {
  return db().$transaction(async (tx) => {
    const [review] = await tx.$queryRaw<
      { buyer_id: string }[]
    >`SELECT buyer_id::text AS buyer_id FROM reviews WHERE id = ${opts.reviewId}::uuid AND status = 'visible' FOR NO KEY UPDATE`;
    if (!review) throw new AppError("not_found", "Review not found.");
    if (review.buyer_id === opts.userId) throw new AppError("forbidden", "You can't vote on your own review.");
    if (opts.helpful)
      await tx.reviewVote.createMany({
        data: [{ reviewId: opts.reviewId, userId: opts.userId }],
        skipDuplicates: true,
      });
    else await tx.reviewVote.deleteMany({ where: { reviewId: opts.reviewId, userId: opts.userId } });
    const helpfulCount = await tx.reviewVote.count({ where: { reviewId: opts.reviewId } });
    // Raw, so a vote does not touch updated_at (which marks a review as edited).
    await tx.$executeRaw`UPDATE reviews SET helpful_count = ${helpfulCount} WHERE id = ${opts.reviewId}::uuid`;
    return { helpfulCount, voted: opts.helpful };
  });
}
