import { z } from "zod";

import { apiRoute } from "@/lib/http/api-route";
import { listOrderReviews } from "@/lib/reviews/read/list-order-reviews";
import { ZCreateReview } from "@/lib/reviews/review-input";
import { REVIEW_RATE_LIMITS } from "@/lib/reviews/review-rules";
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
    rateLimit: { rule: REVIEW_RATE_LIMITS.reviewWritesPerUser, by: "user" },
    summary: "Review an item of a delivered order",
    status: 201,
  },
  async ({ user, params, body }) => {
    const r = await createReview({ buyerId: user.id, orderId: params.orderId, input: body });
    return Response.json(
      {
        review_id: r.reviewId,
        order_id: params.orderId,
        order_item_id: r.orderItemId,
        product_id: r.productId,
        verified_purchase: true,
        status: "visible",
        editable_until: r.editableUntil.toISOString(),
      },
      { status: 201 },
    );
  },
);

/** The buyer's order as reviews see it: whether it can be reviewed now, and each item's review. */
export const GET = apiRoute(
  { access: "user", params: ZParams, summary: "The order's reviewable items and their reviews" },
  async ({ user, params }) => {
    const o = await listOrderReviews({ orderId: params.orderId, buyerId: user.id });
    return {
      order_id: o.orderId,
      can_review: o.eligibility.ok,
      reason: o.eligibility.ok ? null : o.eligibility.message,
      review_window_closes_at: o.eligibility.closesAt?.toISOString() ?? null,
      items: o.items.map((i) => ({
        order_item_id: i.orderItemId,
        product_id: i.productId,
        title: i.productTitle,
        review: i.review
          ? {
              review_id: i.review.id,
              rating: i.review.rating,
              title: i.review.title,
              body: i.review.body,
              status: i.review.status,
              created_at: i.review.createdAt.toISOString(),
              editable_until: i.review.editableUntil.toISOString(),
              can_edit: i.review.canEdit,
              images: i.review.images.map((img) => ({ upload_id: img.uploadId, url: img.url })),
            }
          : null,
      })),
    };
  },
);
