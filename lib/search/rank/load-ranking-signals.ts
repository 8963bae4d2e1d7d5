import "server-only";

import { db } from "@/lib/db/client";

import { ttlMemo } from "../ttl-memo";
import type { QueryStats } from "./ranking-weights";

const medians = ttlMemo(async () => {
  const rows = await db().searchCategoryPrice.findMany({ select: { categoryId: true, medianPriceCents: true } });
  return new Map(rows.map((r) => [r.categoryId, r.medianPriceCents]));
}, 5 * 60_000);

/** Median listing price per category (refreshed by the worker every few minutes). */
export const loadCategoryMedians = medians.get;
export const invalidateCategoryMedians = medians.invalidate;

/** Most products with history one query reads; beyond them the most-shown win. */
const MAX_STATS = 5000;

/**
 * Impressions, clicks and purchases for this normalized query, by product. Reads the query's
 * rows (usually far fewer than the candidates) rather than sending every candidate's id.
 */
export async function loadQueryStats(query: string): Promise<Map<string, QueryStats>> {
  if (!query) return new Map();
  const rows = await db().$queryRaw<{ product_id: string; impressions: number; clicks: number; purchases: number }[]>`
    SELECT product_id::text, impressions, clicks, purchases FROM search_query_stats
     WHERE query = ${query} ORDER BY impressions DESC LIMIT ${MAX_STATS}`;
  return new Map(
    rows.map((r) => [r.product_id, { impressions: r.impressions, clicks: r.clicks, purchases: r.purchases }]),
  );
}
