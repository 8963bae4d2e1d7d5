import "server-only";

import { db } from "@/lib/db/client";

import { PRODUCT_SUMMARY_SELECT, toProductSummary, type ProductSummary } from "./product-summary";

export type HomeCategory = { id: number; name: string; slug: string; path: string };

/** What the storefront home shows: top-level categories, featured and newest live listings. */
export async function listStorefrontHome(): Promise<{
  categories: HomeCategory[];
  featured: ProductSummary[];
  newest: ProductSummary[];
}> {
  const live = { status: "active" as const, seller: { status: "active" as const } };
  const [categories, featured, newest] = await Promise.all([
    db().category.findMany({
      where: { parentId: null },
      orderBy: [{ position: "asc" }, { name: "asc" }],
      select: { id: true, name: true, slug: true, path: true },
    }),
    db().product.findMany({
      where: { ...live, featured: true },
      orderBy: { publishedAt: "desc" },
      take: 8,
      select: PRODUCT_SUMMARY_SELECT,
    }),
    db().product.findMany({
      where: live,
      orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
      take: 12,
      select: PRODUCT_SUMMARY_SELECT,
    }),
  ]);
  return { categories, featured: featured.map(toProductSummary), newest: newest.map(toProductSummary) };
}
