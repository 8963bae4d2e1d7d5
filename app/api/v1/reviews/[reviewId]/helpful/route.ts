import { z } from "zod";

import { apiRoute } from "@/lib/http/api-route";
import { RATE_LIMIT_POLICIES } from "@/lib/rate-limit/rules";
import { setHelpfulVote } from "@/lib/reviews/signals/set-helpful-vote";

const ZParams = z.object({ reviewId: z.uuid("Review not found.") });

function vote(helpful: boolean) {
  return apiRoute(
    {
      access: "user",
      params: ZParams,
      rateLimit: RATE_LIMIT_POLICIES.reviewVote,
      summary: helpful ? "Mark a review helpful" : "Take back a helpful vote",
    },
    async ({ user, params }) => {
      const r = await setHelpfulVote({ userId: user.id, reviewId: params.reviewId, helpful });
      return { review_id: params.reviewId, helpful_count: r.helpfulCount, voted_helpful: r.voted };
    },
  );
}

/** Marks the review helpful (one vote per user; repeating changes nothing). */
export const PUT = vote(true);
/** Takes the helpful vote back. */
export const DELETE = vote(false);
