import type { PublicProduct } from "@/lib/catalog/get-public-product";

import type { createReview } from "../write/create-review";
import type { listOrderReviews } from "./list-order-reviews";
import type { listProductReviews, PublicReview } from "./list-product-reviews";

/** A review in the API's JSON (snake_case, as the rest of /api/v1). */
export function reviewJson(r: PublicReview) {
  return {
    review_id: r.id,
    rating: r.rating,
    title: r.title,
    body: r.body,
    author: r.authorName,
    verified_purchase: r.verifiedPurchase,
    created_at: r.createdAt.toISOString(),
    edited: r.edited,
    helpful_count: r.helpfulCount,
    voted_helpful: r.viewerVoted,
    images: r.images.map((i) => ({ width: i.width, height: i.height, url: i.url, thumbnail_url: i.thumbUrl })),
    seller_reply: r.reply
      ? { body: r.reply.body, created_at: r.reply.createdAt.toISOString(), edited: r.reply.edited }
      : null,
  };
}

/** POST /orders/{id}/reviews: the review just written. */
export function createdReviewJson(orderId: string, r: Awaited<ReturnType<typeof createReview>>) {
  return {
    review_id: r.reviewId,
    order_id: orderId,
    order_item_id: r.orderItemId,
    product_id: r.productId,
    verified_purchase: true,
    status: "visible" as const,
    editable_until: r.editableUntil.toISOString(),
  };
}

/** GET /orders/{id}/reviews: whether the order can be reviewed now, and each item's review. */
export function orderReviewsJson(o: Awaited<ReturnType<typeof listOrderReviews>>) {
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
}

/** GET /reviews?product_id=…: one page of a product's visible reviews with its rating summary. */
export function productReviewsPageJson(
  product: Pick<PublicProduct, "id" | "ratingAvg" | "reviewCount" | "ratingHistogram">,
  page: Awaited<ReturnType<typeof listProductReviews>>,
) {
  return {
    product_id: product.id,
    rating_avg: product.ratingAvg,
    review_count: product.reviewCount,
    rating_histogram: product.ratingHistogram,
    sort: page.sort,
    stars: page.stars,
    results: page.rows.map(reviewJson),
    total: page.total,
    next_page: page.page * page.pageSize < page.total ? page.page + 1 : null,
  };
}
