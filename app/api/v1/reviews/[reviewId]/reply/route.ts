import { z } from "zod";

import type { CurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { apiRoute } from "@/lib/http/api-route";
import { ZReviewReply } from "@/lib/reviews/review-input";
import { editReviewReply } from "@/lib/reviews/write/edit-review-reply";
import { replyToReview } from "@/lib/reviews/write/reply-to-review";

const config = {
  access: "seller",
  params: z.object({ reviewId: z.uuid("Review not found.") }),
  body: ZReviewReply,
} as const;

function sellerIdOf(user: CurrentUser): string {
  if (!user.sellerId) throw new AppError("forbidden", "Only the product's seller can reply to its reviews.");
  return user.sellerId;
}

/** The product's seller replies to a review, once. Body: { body }. */
export const POST = apiRoute(
  { ...config, summary: "Reply to a review of your product", status: 201 },
  async ({ user, params, body }) => {
    const r = await replyToReview({ sellerId: sellerIdOf(user), reviewId: params.reviewId, input: body });
    return Response.json({ reply_id: r.replyId, review_id: params.reviewId }, { status: 201 });
  },
);

/** The seller edits their reply. Body: { body }. */
export const PATCH = apiRoute({ ...config, summary: "Edit your reply to a review" }, async ({ user, params, body }) => {
  const r = await editReviewReply({ sellerId: sellerIdOf(user), reviewId: params.reviewId, input: body });
  return { reply_id: r.replyId, review_id: params.reviewId };
});
