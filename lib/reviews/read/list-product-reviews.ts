import "server-only";

import { db } from "@/lib/db/client";
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
  const { where, orderBy, skip, take } = buildReviewListQuery({ productId: opts.productId, ...q });
  const [rows, total] = await Promise.all([
    db().review.findMany({
      where,
      orderBy,
      skip,
      take,
      select: {
        id: true,
        rating: true,
        title: true,
        body: true,
        buyerId: true,
        verifiedPurchase: true,
        helpfulCount: true,
        createdAt: true,
        updatedAt: true,
        buyer: { select: { name: true } },
        images: {
          orderBy: { position: "asc" },
          select: { id: true, upload: { select: { status: true, variants: true } } },
        },
        reply: { select: { body: true, createdAt: true, updatedAt: true } },
      },
    }),
    db().review.count({ where }),
  ]);
  const voted =
    opts.viewerId && rows.length
      ? new Set(
          (
            await db().reviewVote.findMany({
              where: { userId: opts.viewerId, reviewId: { in: rows.map((r) => r.id) } },
              select: { reviewId: true },
            })
          ).map((v) => v.reviewId),
        )
      : new Set<string>();
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
      authorName: reviewerDisplayName(r.buyer.name),
      verifiedPurchase: r.verifiedPurchase,
      createdAt: r.createdAt,
      edited: r.updatedAt.getTime() - r.createdAt.getTime() > EDITED_AFTER_MS,
      helpfulCount: r.helpfulCount,
      viewerVoted: voted.has(r.id),
      viewerIsAuthor: !!opts.viewerId && r.buyerId === opts.viewerId,
      images: r.images.flatMap((i) => {
        const view =
          i.upload.status === "ready" ? imageView(i.id, (i.upload.variants as Variant[]) ?? [], storage) : null;
        return view ? [view] : [];
      }),
      reply: r.reply
        ? {
            body: r.reply.body,
            createdAt: r.reply.createdAt,
            edited: r.reply.updatedAt.getTime() - r.reply.createdAt.getTime() > EDITED_AFTER_MS,
          }
        : null,
    })),
  };
}
