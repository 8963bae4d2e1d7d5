// Light personalization (design deep dive 1, step 4): the categories and price range a
// signed-in buyer has bought from. It only adds a small boost in ranking; it never filters.
import "server-only";

import { db } from "@/lib/db/client";

import type { BuyerProfile } from "./ranking-weights";

export type PurchaseRow = { categoryPath: string; unitPriceCents: number };

const RECENT_PURCHASES = 50;
const CACHE_MS = 5 * 60_000;
const CACHE_MAX = 5_000;

function quantile(sorted: number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Pure: a profile from the buyer's recent purchases, or null when there are none. */
export function buyerProfileFrom(rows: PurchaseRow[]): BuyerProfile | null {
  if (rows.length === 0) return null;
  const count = (key: (r: PurchaseRow) => string) => {
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(key(r), (counts.get(key(r)) ?? 0) + 1);
    const max = Math.max(...counts.values());
    return new Map([...counts].map(([k, v]) => [k, v / max]));
  };
  const prices = rows
    .map((r) => r.unitPriceCents)
    .filter((p) => p > 0)
    .sort((a, b) => a - b);
  // The middle 60% of what they paid, widened by half on each side (prices vary a lot).
  const priceBand = prices.length
    ? { min: Math.floor(quantile(prices, 0.2) / 1.5), max: Math.ceil(quantile(prices, 0.8) * 1.5) }
    : null;
  return {
    categories: count((r) => r.categoryPath),
    topCategories: count((r) => r.categoryPath.split("/")[0]),
    priceBand,
  };
}

const cache = new Map<string, { profile: BuyerProfile | null; expires: number }>();

/** The buyer's profile from their recent paid orders; cached per process for a few minutes. */
export async function loadBuyerProfile(userId: string): Promise<BuyerProfile | null> {
  const hit = cache.get(userId);
  if (hit && hit.expires > Date.now()) return hit.profile;
  const rows = await db().$queryRaw<{ category_path: string; unit_price_cents: number }[]>`
    SELECT c.path AS category_path, oi.unit_price_cents
      FROM orders o
      JOIN order_items oi ON oi.order_id = o.id
      JOIN products p ON p.id = oi.product_id
      JOIN categories c ON c.id = p.category_id
     WHERE o.buyer_id = ${userId}::uuid AND o.status IN ('paid', 'shipped', 'delivered', 'completed')
     ORDER BY o.created_at DESC
     LIMIT ${RECENT_PURCHASES}`;
  const profile = buyerProfileFrom(
    rows.map((r) => ({ categoryPath: r.category_path, unitPriceCents: r.unit_price_cents })),
  );
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(userId, { profile, expires: Date.now() + CACHE_MS });
  return profile;
}
