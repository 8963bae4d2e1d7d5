import { z } from "zod";

import { apiRoute } from "@/lib/http/api-route";
import { getRateLimitStore } from "@/lib/rate-limit/get-rate-limit-store";
import { enforceRateLimit } from "@/lib/rate-limit/rate-limit";
import { reportReview } from "@/lib/reviews/moderate/report-review";
import { REVIEW_RATE_LIMITS } from "@/lib/reviews/review-rules";

/** A signed-in user reports a review for moderation. Body: { reason }. */
export const POST = apiRoute(
  {
    access: "user",
    params: z.object({ reviewId: z.uuid("Review not found.") }),
    body: z.record(z.string(), z.unknown(), { error: "Send the report as a JSON object." }),
  },
  async ({ user, params, body }) => {
    await enforceRateLimit(getRateLimitStore(), REVIEW_RATE_LIMITS.reportsPerUser, [user!.id]);
    const r = await reportReview({ reporterId: user!.id, reviewId: params.reviewId, input: body });
    return Response.json({ report_id: r.reportId, review_id: params.reviewId, status: "received" }, { status: 201 });
  },
);
