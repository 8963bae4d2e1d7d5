import { z } from "zod";

import { apiRoute } from "@/lib/http/api-route";
import { getRateLimitStore } from "@/lib/rate-limit/get-rate-limit-store";
import { enforceRateLimit } from "@/lib/rate-limit/rate-limit";
import { REVIEW_RATE_LIMITS } from "@/lib/reviews/review-rules";
import { editReview } from "@/lib/reviews/write/edit-review";

/** The buyer edits their review within 48 hours of posting: any of { rating, title, body, images }. */
export const PATCH = apiRoute(
  {
    access: "user",
    params: z.object({ reviewId: z.uuid("Review not found.") }),
    body: z.record(z.string(), z.unknown(), { error: "Send the changes as a JSON object." }),
  },
  async ({ user, params, body }) => {
    await enforceRateLimit(getRateLimitStore(), REVIEW_RATE_LIMITS.reviewWritesPerUser, [user!.id]);
    const r = await editReview({ buyerId: user!.id, reviewId: params.reviewId, input: body });
    return { review_id: r.reviewId, editable_until: r.editableUntil.toISOString() };
  },
);
