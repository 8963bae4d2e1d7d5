import "server-only";

import { readDb } from "@/lib/db/read-db";

import { PRODUCT_SUMMARY_SELECT, toProductSummary, type ProductSummary } from "./product-summary";

export type HomeCategory = { id: number; name: string; slug: string; path: string };

/**
 * What the storefront home shows: top-level categories, featured and newest live listings.
 * Both lists walk a partial index of live listings newest first (migration
 * 20261203120000_live_listing_indexes) and stop after the list, whatever the catalogue's size.
 */
export async function listStorefrontHome(): Promise<{
  categories: HomeCategory[];
  featured: ProductSummary[];
  newest: ProductSummary[];
}> {
  const live = { status: "active" as const, seller: { status: "active" as const } };
  // Public and the same for everyone: a replica may serve it (readDb).
  const client = readDb();
  const [categories, featured, newest] = await Promise.all([
    client.category.findMany({
      where: { parentId: null },
      orderBy: [{ position: "asc" }, { name: "asc" }],
      select: { id: true, name: true, slug: true, path: true },
    }),
    client.product.findMany({
      where: { ...live, featured: true },
      orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
      take: 8,
      select: PRODUCT_SUMMARY_SELECT,
    }),
    client.product.findMany({
      where: live,
      orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
      take: 12,
      select: PRODUCT_SUMMARY_SELECT,
    }),
  ]);
  return { categories, featured: featured.map(toProductSummary), newest: newest.map(toProductSummary) };
}
