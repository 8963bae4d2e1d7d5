import "server-only";

import { z } from "zod";

import { readDb } from "@/lib/db/read-db";
import { Prisma } from "@/lib/generated/prisma/client";

import { PRODUCT_SUMMARY_SELECT, toProductSummary, type ProductSummary } from "./product-summary";

export const PAGE_SIZE = 24;
export const MAX_PAGE = 400;
/**
 * Counting stops here: an exact count of a big category reads every one of its listings, and
 * no one pages past MAX_PAGE × PAGE_SIZE (9,600) anyway. The page says "10,000+".
 */
export const COUNT_LIMIT = 10_000;

export const ZBrowseQuery = z.object({
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

// Each order is one of the partial indexes of migration 20261203120000_live_listing_indexes
// (per category; the id breaks ties so pages never overlap).
const ORDER: Record<TBrowseQuery["sort"], Prisma.Sql> = {
  newest: Prisma.sql`published_at DESC, id ASC`,
  price_asc: Prisma.sql`price_cents ASC, id ASC`,
  price_desc: Prisma.sql`price_cents DESC, id ASC`,
  // A Bayesian average (lib/catalog/rating-score.ts), not the bare average.
  rating: Prisma.sql`listing_rating_score(rating_avg, review_count) DESC, review_count DESC, id ASC`,
};

const LIVE = Prisma.sql`p.status = 'active'
  AND EXISTS (SELECT 1 FROM seller_profiles s WHERE s.id = p.seller_id AND s.status = 'active')`;

/** Live listings, optionally in a category subtree, one page in the asked order. */
export async function browseProducts(query: TBrowseQuery): Promise<{
  products: ProductSummary[];
  /** At most COUNT_LIMIT; with totalExact false there are more. */
  total: number;
  totalExact: boolean;
  page: number;
  pageCount: number;
  categoryName: string | null;
}> {
  // A public listing page: a replica may serve it (readDb), a moment behind the primary.
  const client = readDb();
  let categoryName: string | null = null;
  let categoryIds: number[] | null = null;
  if (query.category) {
    const cat = await client.category.findUnique({
      where: { slug: query.category },
      select: { path: true, name: true },
    });
    if (!cat) return { products: [], total: 0, totalExact: true, page: 1, pageCount: 0, categoryName: null };
    categoryName = cat.name;
    const subtree = await client.category.findMany({
      where: { OR: [{ path: cat.path }, { path: { startsWith: `${cat.path}/` } }] },
      select: { id: true },
    });
    categoryIds = subtree.map((c) => c.id);
  }

  const offset = (query.page - 1) * PAGE_SIZE;
  const order = ORDER[query.sort];
  // One sorted walk per category of the subtree, each stopping after this page's last row,
  // merged: PostgreSQL cannot walk one index in this order across several categories, and
  // filtering a whole-catalogue index by category reads every other category's rows too.
  const branch = (categoryId: number | null) => Prisma.sql`(
    SELECT p.id, p.published_at, p.price_cents, p.rating_avg, p.review_count FROM products p
     WHERE ${LIVE} ${categoryId == null ? Prisma.empty : Prisma.sql`AND p.category_id = ${categoryId}`}
     ORDER BY ${order} LIMIT ${offset + PAGE_SIZE})`;
  const branches = (categoryIds ?? [null]).map(branch);
  const inCategories = categoryIds ? Prisma.sql`AND p.category_id = ANY (${categoryIds}::int[])` : Prisma.empty;
  const [page, counted] = await Promise.all([
    client.$queryRaw<{ id: string }[]>`
      SELECT id FROM (${Prisma.join(branches, " UNION ALL ")}) AS listed
       ORDER BY ${order} LIMIT ${PAGE_SIZE} OFFSET ${offset}`,
    client.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (
        SELECT 1 FROM products p WHERE ${LIVE} ${inCategories} LIMIT ${COUNT_LIMIT + 1}) AS counted`,
  ]);
  const ids = page.map((r) => r.id);
  const rows = ids.length
    ? await client.product.findMany({ where: { id: { in: ids } }, select: PRODUCT_SUMMARY_SELECT })
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const total = Math.min(counted[0].n, COUNT_LIMIT);
  return {
    // A listing that left between the two reads is left out, not shown half-known.
    products: ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toProductSummary(row)] : [];
    }),
    total,
    totalExact: counted[0].n <= COUNT_LIMIT,
    page: query.page,
    pageCount: Math.min(MAX_PAGE, Math.ceil(total / PAGE_SIZE)),
    categoryName,
  };
}
