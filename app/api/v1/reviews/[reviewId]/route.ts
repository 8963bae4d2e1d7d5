import { z } from "zod";

import { apiRoute } from "@/lib/http/api-route";
import { RATE_LIMIT_POLICIES } from "@/lib/rate-limit/rules";
import { ZEditReview } from "@/lib/reviews/review-input";
import { editReview } from "@/lib/reviews/write/edit-review";

/** The buyer edits their review within 48 hours of posting: any of { rating, title, body, images }. */
export const PATCH = apiRoute(
  {
    access: "user",
    params: z.object({ reviewId: z.uuid("Review not found.") }),
    body: ZEditReview,
    rateLimit: RATE_LIMIT_POLICIES.reviewWrite,
    summary: "Edit your review within its edit window",
  },
  async ({ user, params, body }) => {
    const r = await editReview({ buyerId: user.id, reviewId: params.reviewId, input: body });
    return { review_id: r.reviewId, editable_until: r.editableUntil.toISOString() };
  },
);
