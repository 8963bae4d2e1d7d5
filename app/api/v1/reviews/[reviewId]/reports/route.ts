import { z } from "zod";

import { apiRoute } from "@/lib/http/api-route";
import { RATE_LIMIT_POLICIES } from "@/lib/rate-limit/rules";
import { reportReview } from "@/lib/reviews/moderate/report-review";
import { ZReviewReport } from "@/lib/reviews/review-input";

/** A signed-in user reports a review for moderation. Body: { reason }. */
export const POST = apiRoute(
  {
    access: "user",
    params: z.object({ reviewId: z.uuid("Review not found.") }),
    body: ZReviewReport,
    rateLimit: RATE_LIMIT_POLICIES.reviewReport,
    summary: "Report a review for moderation",
    status: 201,
  },
  async ({ user, params, body }) => {
    const r = await reportReview({ reporterId: user.id, reviewId: params.reviewId, input: body });
    return Response.json({ report_id: r.reportId, review_id: params.reviewId, status: "received" }, { status: 201 });
  },
);
