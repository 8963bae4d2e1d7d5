import { db } from "@/lib/db/client";
import type { QueryStats } from "./ranking-weights";
import { ttlMemo } from "./ttl-memo";

const medians = ttlMemo(async () => {
  const rows = await db().searchCategoryPrice.findMany({ select: { categoryId: true, medianPriceCents: true } });
  return new Map(rows.map((r) => [r.categoryId, r.medianPriceCents]));
}, 5 * 60_000);

/** Median listing price per category (refreshed by the worker every few minutes). */
export const loadCategoryMedians = medians.get;
export const invalidateCategoryMedians = medians.invalidate;

/** Impressions, clicks and purchases of these products for this normalized query. */
export async function loadQueryStats(query: string, productIds: string[]): Promise<Map<string, QueryStats>> {
  if (!query || productIds.length === 0) return new Map();
  const rows = await db().$queryRaw<{ product_id: string; impressions: number; clicks: number; purchases: number }[]>`
    SELECT product_id::text, impressions, clicks, purchases FROM search_query_stats
     WHERE query = ${query} AND product_id = ANY(${productIds}::uuid[])`;
  return new Map(rows.map((r) => [r.product_id, { impressions: r.impressions, clicks: r.clicks, purchases: r.purchases }]));
}
