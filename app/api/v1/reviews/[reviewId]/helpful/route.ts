import { z } from "zod";

import { apiRoute } from "@/lib/http/api-route";
import { getRateLimitStore } from "@/lib/rate-limit/get-rate-limit-store";
import { enforceRateLimit } from "@/lib/rate-limit/rate-limit";
import { REVIEW_RATE_LIMITS } from "@/lib/reviews/review-rules";
import { setHelpfulVote } from "@/lib/reviews/signals/set-helpful-vote";

const ZParams = z.object({ reviewId: z.uuid("Review not found.") });

function vote(helpful: boolean) {
  return apiRoute({ access: "user", params: ZParams }, async ({ user, params }) => {
    await enforceRateLimit(getRateLimitStore(), REVIEW_RATE_LIMITS.votesPerUser, [user!.id]);
    const r = await setHelpfulVote({ userId: user!.id, reviewId: params.reviewId, helpful });
    return { review_id: params.reviewId, helpful_count: r.helpfulCount, voted_helpful: r.voted };
  });
}

/** Marks the review helpful (one vote per user; repeating changes nothing). */
export const PUT = vote(true);
/** Takes the helpful vote back. */
export const DELETE = vote(false);
