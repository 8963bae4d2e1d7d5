import "server-only";

import { z } from "zod";

import { readDb } from "@/lib/db/read-db";
import type { Prisma } from "@/lib/generated/prisma/client";

import { PRODUCT_SUMMARY_SELECT, toProductSummary, type ProductSummary } from "./product-summary";

export const PAGE_SIZE = 24;
export const MAX_PAGE = 400;

export const ZBrowseQuery = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  category: z
    .string()
    .trim()
    .max(100)
    .regex(/^[a-z0-9-]+$/)
    .optional()
    .catch(undefined),
  sort: z.enum(["newest", "price_asc", "price_desc", "rating"]).default("newest").catch("newest"),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1).catch(1),
});
export type TBrowseQuery = z.infer<typeof ZBrowseQuery>;

const ORDER: Record<TBrowseQuery["sort"], Prisma.ProductOrderByWithRelationInput[]> = {
  newest: [{ publishedAt: "desc" }, { id: "asc" }],
  price_asc: [{ priceCents: "asc" }, { id: "asc" }],
  price_desc: [{ priceCents: "desc" }, { id: "asc" }],
  rating: [{ ratingAvg: "desc" }, { reviewCount: "desc" }, { id: "asc" }],
};

/** Live listings, optionally in a category subtree and matching words of the title. */
export async function browseProducts(query: TBrowseQuery): Promise<{
  products: ProductSummary[];
  total: number;
  page: number;
  pageCount: number;
  categoryName: string | null;
}> {
  let categoryName: string | null = null;
  const where: Prisma.ProductWhereInput = { status: "active", seller: { status: "active" } };
  if (query.category) {
    const cat = await readDb().category.findUnique({
      where: { slug: query.category },
      select: { path: true, name: true },
    });
    if (!cat) return { products: [], total: 0, page: 1, pageCount: 0, categoryName: null };
    categoryName = cat.name;
    where.category = { OR: [{ path: cat.path }, { path: { startsWith: `${cat.path}/` } }] };
  }
  const words = query.q?.split(/\s+/).filter(Boolean).slice(0, 8) ?? [];
  if (words.length) where.AND = words.map((w) => ({ title: { contains: w, mode: "insensitive" as const } }));
  // A public listing page: a replica may serve it (readDb), a moment behind the primary.
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
    pageCount: Math.min(MAX_PAGE, Math.ceil(total / PAGE_SIZE)),
    categoryName,
  };
}
