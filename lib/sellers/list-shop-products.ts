import "server-only";

import { z } from "zod";

import { PAGE_SIZE } from "@/lib/catalog/browse-products";
import { PRODUCT_SUMMARY_SELECT, toProductSummary, type ProductSummary } from "@/lib/catalog/product-summary";
import { readDb } from "@/lib/db/read-db";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A shop page's query: words to find in its listings' titles, an order and a page. Junk falls back to the defaults. */
export const ZShopQuery = z.object({
  q: z.string().trim().max(100).default("").catch(""),
  sort: z.enum(["newest", "price_asc", "price_desc", "rating"]).default("newest").catch("newest"),
  page: z.coerce.number().int().min(1).max(400).default(1).catch(1),
});
export type TShopQuery = z.infer<typeof ZShopQuery>;

const ORDER: Record<TShopQuery["sort"], Prisma.ProductOrderByWithRelationInput[]> = {
  newest: [{ publishedAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
  price_asc: [{ priceCents: "asc" }, { id: "asc" }],
  price_desc: [{ priceCents: "desc" }, { id: "asc" }],
  rating: [{ ratingAvg: "desc" }, { reviewCount: "desc" }, { id: "asc" }],
};

/**
 * One page of a shop's live listings. The words are matched in titles, every word anywhere in
 * it, case-insensitively: a shop's own catalogue (thousands of listings at most) is walked
 * through its (seller_id, status) index, which the marketplace-wide search engine is not needed for.
 */
export async function listShopProducts(
  sellerId: string,
  query: TShopQuery,
): Promise<{ products: ProductSummary[]; total: number; page: number; pageCount: number }> {
  const words = query.q.split(/\s+/).filter(Boolean).slice(0, 8);
  const where: Prisma.ProductWhereInput = {
    sellerId,
    status: "active",
    AND: words.map((w) => ({ title: { contains: w, mode: "insensitive" as const } })),
  };
  const client = readDb();
  const [rows, total] = await Promise.all([
    client.product.findMany({
      where,
      orderBy: ORDER[query.sort],
      skip: (query.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: PRODUCT_SUMMARY_SELECT,
    }),
    client.product.count({ where }),
  ]);
  return {
    products: rows.map(toProductSummary),
    total,
    page: query.page,
    pageCount: Math.ceil(total / PAGE_SIZE),
  };
}
