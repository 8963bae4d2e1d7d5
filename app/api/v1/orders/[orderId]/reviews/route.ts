import { z } from "zod";

import { requestOrigin } from "@/lib/auth/request-origin";
import { apiRoute } from "@/lib/http/api-route";
import { RATE_LIMIT_POLICIES } from "@/lib/rate-limit/rules";
import { listOrderReviews } from "@/lib/reviews/read/list-order-reviews";
import { createdReviewJson, orderReviewsJson } from "@/lib/reviews/read/review-json";
import { ZCreateReview } from "@/lib/reviews/review-input";
import { createReview } from "@/lib/reviews/write/create-review";

const ZParams = z.object({ orderId: z.uuid("Order not found.") });

/**
 * The buyer reviews an item of their delivered order (the design's POST /v1/orders/{order_id}/reviews).
 * Body: { order_item_id?, rating, title, body, images: [upload ids] }; order_item_id may be
 * left out when the order has one item.
 */
export const POST = apiRoute(
  {
    access: "user",
    params: ZParams,
    body: ZCreateReview,
    rateLimit: RATE_LIMIT_POLICIES.reviewWrite,
    summary: "Review an item of a delivered order",
    status: 201,
  },
  async ({ user, params, body }) => {
    const r = await createReview({
      buyerId: user.id,
      orderId: params.orderId,
      input: body,
      origin: await requestOrigin(),
    });
    return Response.json(createdReviewJson(params.orderId, r), { status: 201 });
  },
);

/** The buyer's order as reviews see it: whether it can be reviewed now, and each item's review. */
export const GET = apiRoute(
  { access: "user", params: ZParams, summary: "The order's reviewable items and their reviews" },
  async ({ user, params }) => {
    const o = await listOrderReviews({ orderId: params.orderId, buyerId: user.id });
    return orderReviewsJson(o);
  },
);
