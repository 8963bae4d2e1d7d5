import type { PublicReview } from "./list-product-reviews";

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
