import "server-only";

import { db } from "@/lib/db/client";

/** How many recently viewed listings a signed-in buyer keeps (older ones are dropped). */
export const RECENTLY_VIEWED_KEPT = 30;

/**
 * Notes that a signed-in buyer viewed a listing (the product page's beacon): one row per
 * listing with the latest time, trimmed to the newest RECENTLY_VIEWED_KEPT. An unknown listing
 * writes nothing (the foreign key is not relied on: the insert selects the product).
 */
export async function recordRecentView(opts: { userId: string; productId: string }): Promise<void> {
  await db().$executeRaw`
    INSERT INTO recently_viewed (user_id, product_id, viewed_at)
    SELECT ${opts.userId}::uuid, p.id, now() FROM products p WHERE p.id = ${opts.productId}::uuid
    ON CONFLICT (user_id, product_id) DO UPDATE SET viewed_at = excluded.viewed_at`;
  await db().$executeRaw`
    DELETE FROM recently_viewed WHERE user_id = ${opts.userId}::uuid AND product_id IN (
      SELECT product_id FROM recently_viewed WHERE user_id = ${opts.userId}::uuid
       ORDER BY viewed_at DESC OFFSET ${RECENTLY_VIEWED_KEPT})`;
}
