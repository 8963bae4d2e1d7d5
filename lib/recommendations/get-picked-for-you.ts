import "server-only";

import { db } from "@/lib/db/client";

/**
 * A signed-in buyer's home row: live, in-stock listings from the categories of what they saved
 * and viewed lately (saves count double), best rated first, leaving out what they already saved
 * or viewed. Empty for someone with neither.
 */
export async function getPickedForYou(userId: string, limit: number): Promise<string[]> {
  const rows = await db().$queryRaw<{ id: string }[]>`
    WITH seen AS (
      SELECT product_id, 2 AS weight FROM favourites WHERE user_id = ${userId}::uuid
      UNION ALL
      SELECT product_id, 1 FROM (
        SELECT product_id FROM recently_viewed WHERE user_id = ${userId}::uuid ORDER BY viewed_at DESC LIMIT 20
      ) r
    ), interests AS (
      SELECT p.category_id, sum(s.weight) AS weight
        FROM seen s JOIN products p ON p.id = s.product_id
       GROUP BY p.category_id ORDER BY weight DESC LIMIT 5
    )
    SELECT p.id FROM products p JOIN interests i ON i.category_id = p.category_id
     WHERE p.status = 'active' AND p.inventory_count > 0
       AND p.id NOT IN (SELECT product_id FROM seen)
     ORDER BY i.weight DESC, p.rating_avg * p.review_count DESC, p.created_at DESC, p.id
     LIMIT ${limit}`;
  return rows.map((r) => r.id);
}
