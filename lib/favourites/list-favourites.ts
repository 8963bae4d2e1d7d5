import "server-only";

import { PRODUCT_SUMMARY_SELECT, toProductSummary, type ProductSummary } from "@/lib/catalog/product-summary";
import { db } from "@/lib/db/client";

export const FAVOURITES_PER_PAGE = 24;

/**
 * A buyer's favourites page: their saved listings that are still live, newest saved first. A
 * listing that went away (archived, suspended) stays saved and comes back if it returns.
 */
export async function listFavourites(opts: {
  userId: string;
  page: number;
}): Promise<{ products: ProductSummary[]; total: number; page: number; pages: number }> {
  const where = { userId: opts.userId, product: { status: "active" as const } };
  const [total, rows] = await Promise.all([
    db().favourite.count({ where }),
    db().favourite.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { productId: "asc" }],
      skip: (Math.max(1, opts.page) - 1) * FAVOURITES_PER_PAGE,
      take: FAVOURITES_PER_PAGE,
      select: { product: { select: PRODUCT_SUMMARY_SELECT } },
    }),
  ]);
  return {
    products: rows.map((r) => toProductSummary(r.product)),
    total,
    page: Math.max(1, opts.page),
    pages: Math.max(1, Math.ceil(total / FAVOURITES_PER_PAGE)),
  };
}
