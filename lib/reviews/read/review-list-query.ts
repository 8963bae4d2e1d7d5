import { z } from "zod";

import type { Prisma } from "@/lib/generated/prisma/client";

import { REVIEWS_PAGE_SIZE } from "../review-rules";

export const REVIEW_SORTS = ["newest", "helpful", "highest", "lowest"] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];

export const REVIEW_SORT_LABELS: Record<ReviewSort, string> = {
  newest: "Newest",
  helpful: "Most helpful",
  highest: "Highest rated",
  lowest: "Lowest rated",
};

/** The product page's review controls from the URL; a bad value falls back to the default. */
export const ZReviewListQuery = z.object({
  sort: z.enum(REVIEW_SORTS).catch("newest").default("newest"),
  stars: z.coerce.number().int().min(1).max(5).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
});
export type TReviewListQuery = z.output<typeof ZReviewListQuery>;

// Ties break on the newest, then the id, so pages never repeat or skip a review.
const ORDER_BY: Record<ReviewSort, Prisma.ReviewOrderByWithRelationInput[]> = {
  newest: [{ createdAt: "desc" }, { id: "asc" }],
  helpful: [{ helpfulCount: "desc" }, { createdAt: "desc" }, { id: "asc" }],
  highest: [{ rating: "desc" }, { createdAt: "desc" }, { id: "asc" }],
  lowest: [{ rating: "asc" }, { createdAt: "desc" }, { id: "asc" }],
};

/** The Prisma query for one page of a product's visible reviews, sorted and filtered by stars. */
export function buildReviewListQuery(opts: { productId: string } & Partial<TReviewListQuery>): {
  where: Prisma.ReviewWhereInput;
  orderBy: Prisma.ReviewOrderByWithRelationInput[];
  skip: number;
  take: number;
} {
  const q = ZReviewListQuery.parse({ sort: opts.sort, stars: opts.stars, page: opts.page });
  return {
    where: { productId: opts.productId, status: "visible", ...(q.stars ? { rating: q.stars } : {}) },
    orderBy: ORDER_BY[q.sort],
    skip: (q.page - 1) * REVIEWS_PAGE_SIZE,
    take: REVIEWS_PAGE_SIZE,
  };
}
