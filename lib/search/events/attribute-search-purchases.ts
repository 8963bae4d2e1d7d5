import type { Tx } from "@/lib/db/client";

const ATTRIBUTION_DAYS = 7;

/**
 * Credits a purchase to the search that led to it: for each item of these new orders, the
 * buyer's latest click on that product from a search in the last week. Records a purchase
 * event and bumps the query's counter; an order already credited is skipped, so replaying
 * an outbox event changes nothing.
 */
export async function attributeSearchPurchases(tx: Tx, orderIds: string[]): Promise<number> {
  if (orderIds.length === 0) return 0;
  const credited = await tx.$queryRaw<{ n: number }[]>`
    WITH credit AS (
      SELECT o.buyer_id, oi.product_id, click.query
        FROM orders o
        JOIN order_items oi ON oi.order_id = o.id
        CROSS JOIN LATERAL (
          SELECT e.query FROM search_events e
           WHERE e.product_id = oi.product_id AND e.kind = 'click' AND e.user_id = o.buyer_id
             AND e.query <> '' AND e.created_at > o.created_at - make_interval(days => ${ATTRIBUTION_DAYS})
             AND e.created_at <= o.created_at
           ORDER BY e.id DESC LIMIT 1
        ) click
       WHERE o.id = ANY(${orderIds}::uuid[])
         AND NOT EXISTS (
           SELECT 1 FROM search_events p
            WHERE p.kind = 'purchase' AND p.user_id = o.buyer_id AND p.product_id = oi.product_id AND p.created_at >= o.created_at
         )
    ), events AS (
      INSERT INTO search_events (kind, query, user_id, product_id, created_at)
      SELECT 'purchase', query, buyer_id, product_id, CURRENT_TIMESTAMP FROM credit
    ), counters AS (
      INSERT INTO search_query_stats AS s (query, product_id, purchases, updated_at)
      SELECT query, product_id, count(*)::int, CURRENT_TIMESTAMP FROM credit GROUP BY query, product_id ORDER BY query, product_id
      ON CONFLICT (query, product_id) DO UPDATE SET purchases = s.purchases + EXCLUDED.purchases, updated_at = EXCLUDED.updated_at
    )
    SELECT count(*)::int AS n FROM credit`;
  return credited[0]?.n ?? 0;
}
