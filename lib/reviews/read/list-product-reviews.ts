import "server-only";

import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { getStorage } from "@/lib/storage/get-storage";
import type { ObjectStorage } from "@/lib/storage/object-storage";

import { REVIEWS_PAGE_SIZE } from "../review-rules";
import { buildReviewListQuery, ZReviewListQuery, type ReviewSort } from "./review-list-query";
import { reviewerDisplayName } from "./reviewer-display-name";

type Variant = { width: number; height: number; key: string };

export type ReviewImageView = {
  id: string;
  width: number;
  height: number;
  thumbUrl: string;
  url: string;
  srcSet: string;
};

export type PublicReview = {
  id: string;
  rating: number;
  title: string;
  body: string;
  authorName: string;
  verifiedPurchase: boolean;
  createdAt: Date;
  edited: boolean;
  helpfulCount: number;
  /** The viewer marked it helpful. */
  viewerVoted: boolean;
  /** The viewer wrote it (no helpful or report buttons for your own review). */
  viewerIsAuthor: boolean;
  images: ReviewImageView[];
  reply: { body: string; createdAt: Date; edited: boolean } | null;
};

export type ProductReviewPage = {
  rows: PublicReview[];
  total: number;
  page: number;
  pageSize: number;
  sort: ReviewSort;
  stars: number | null;
};

type ReviewRow = {
  id: string;
  rating: number;
  title: string;
  body: string;
  buyerId: string;
  verifiedPurchase: boolean;
  helpfulCount: number;
  createdMs: number;
  updatedMs: number;
  buyerName: string | null;
  images: { id: string; status: string; variants: Variant[] | null }[];
  reply: { body: string; createdMs: number; updatedMs: number } | null;
  viewerVoted: boolean;
};

// The orders of review-list-query.ts, in SQL (ties break on the newest, then the id).
const ORDER_SQL: Record<ReviewSort, Prisma.Sql> = {
  newest: Prisma.sql`r.created_at DESC, r.id ASC`,
  helpful: Prisma.sql`r.helpful_count DESC, r.created_at DESC, r.id ASC`,
  highest: Prisma.sql`r.rating DESC, r.created_at DESC, r.id ASC`,
  lowest: Prisma.sql`r.rating ASC, r.created_at DESC, r.id ASC`,
};

// Edits bump updated_at; anything later than this after posting is shown as "edited".
const EDITED_AFTER_MS = 60_000;

function imageView(id: string, variants: Variant[], storage: Pick<ObjectStorage, "publicUrl">): ReviewImageView | null {
  const sorted = [...variants].sort((a, b) => a.width - b.width);
  const small = sorted[0];
  const large = sorted[sorted.length - 1];
  if (!small || !large) return null;
  return {
    id,
    width: large.width,
    height: large.height,
    thumbUrl: storage.publicUrl(small.key),
    url: storage.publicUrl(large.key),
    srcSet: sorted.map((v) => `${storage.publicUrl(v.key)} ${v.width}w`).join(", "),
  };
}

/**
 * One page of a product's visible reviews for the product page and the API: sorted, filtered
 * by stars, with photos, the seller's reply, and the viewer's own helpful votes. Buyers are
 * named by first name and initial only.
 */
export async function listProductReviews(opts: {
  productId: string;
  query?: unknown;
  viewerId?: string | null;
  storage?: Pick<ObjectStorage, "publicUrl">;
}): Promise<ProductReviewPage> {
  const q = ZReviewListQuery.parse(opts.query ?? {});
  const { skip, take } = buildReviewListQuery({ productId: opts.productId, ...q });
  // One statement for the page, its total, photos, replies, authors and the viewer's votes
  // (Prisma's nested reads were six or seven); the order and filter are buildReviewListQuery's.
  const stars = q.stars ? Prisma.sql`AND r.rating = ${q.stars}` : Prisma.empty;
  const [page] = await db().$queryRaw<{ total: number; rows: ReviewRow[] }[]>`
    SELECT (SELECT count(*)::int FROM reviews r WHERE r.product_id = ${opts.productId}::uuid AND r.status = 'visible' ${stars}) AS total,
           coalesce((SELECT json_agg(x.j ORDER BY x.n) FROM (
             SELECT r.n, json_build_object(
                      'id', r.id, 'rating', r.rating, 'title', r.title, 'body', r.body, 'buyerId', r.buyer_id,
                      'verifiedPurchase', r.verified_purchase, 'helpfulCount', r.helpful_count,
                      'createdMs', floor(extract(epoch FROM r.created_at) * 1000), 'updatedMs', floor(extract(epoch FROM r.updated_at) * 1000),
                      'buyerName', u.name,
                      'images', coalesce((SELECT json_agg(json_build_object('id', i.id, 'status', up.status, 'variants', up.variants) ORDER BY i.position)
                                            FROM review_images i JOIN uploads up ON up.id = i.upload_id WHERE i.review_id = r.id), '[]'::json),
                      'reply', (SELECT json_build_object('body', rr.body, 'createdMs', floor(extract(epoch FROM rr.created_at) * 1000),
                                                         'updatedMs', floor(extract(epoch FROM rr.updated_at) * 1000))
                                  FROM review_replies rr WHERE rr.review_id = r.id),
                      'viewerVoted', ${opts.viewerId ?? null}::uuid IS NOT NULL AND EXISTS (
                                       SELECT 1 FROM review_votes v WHERE v.review_id = r.id AND v.user_id = ${opts.viewerId ?? null}::uuid)) AS j
               FROM (SELECT r.*, row_number() OVER (ORDER BY ${ORDER_SQL[q.sort]}) AS n FROM reviews r WHERE r.product_id = ${opts.productId}::uuid AND r.status = 'visible' ${stars}
                      ORDER BY ${ORDER_SQL[q.sort]} OFFSET ${skip} LIMIT ${take}) r
               JOIN users u ON u.id = r.buyer_id) x), '[]'::json) AS rows`;
  const rows = page?.rows ?? [];
  const total = page?.total ?? 0;
  const storage = opts.storage ?? getStorage();
  return {
    total,
    page: q.page,
    pageSize: REVIEWS_PAGE_SIZE,
    sort: q.sort,
    stars: q.stars ?? null,
    rows: rows.map((r) => ({
      id: r.id,
      rating: r.rating,
      title: r.title,
      body: r.body,
      authorName: reviewerDisplayName(r.buyerName),
      verifiedPurchase: r.verifiedPurchase,
      createdAt: new Date(r.createdMs),
      edited: r.updatedMs - r.createdMs > EDITED_AFTER_MS,
      helpfulCount: r.helpfulCount,
      viewerVoted: r.viewerVoted,
      viewerIsAuthor: !!opts.viewerId && r.buyerId === opts.viewerId,
      images: r.images.flatMap((i) => {
        const view = i.status === "ready" ? imageView(i.id, i.variants ?? [], storage) : null;
        return view ? [view] : [];
      }),
      reply: r.reply
        ? {
            body: r.reply.body,
            createdAt: new Date(r.reply.createdMs),
            edited: r.reply.updatedMs - r.reply.createdMs > EDITED_AFTER_MS,
          }
        : null,
    })),
  };
}
