import "server-only";

import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

import { ALSO_BOUGHT_KEPT, writeAlsoBoughtCache, type CoPurchase } from "./co-purchase-cache";

// Orders that count as bought: paid and not undone (refunded or cancelled orders drop out at the
// next computation).
const BOUGHT = Prisma.sql`('paid', 'shipped', 'delivered', 'completed')`;

/**
 * Rebuilds co-purchase counts: for every two listings, how many paid checkouts contained both
 * (a checkout is one basket, possibly split into one order per shop). With `productIds` only the
 * pairs that involve those listings are recomputed (the job queued when an order is paid), in
 * full otherwise (nightly); either way from the orders themselves, so running it twice gives the
 * same table. Then the Redis lists of the listings touched, after the transaction commits.
 */
export async function computeCoPurchases(
  opts: { productIds?: string[] } = {},
): Promise<{ pairs: number; products: number }> {
  const scoped = opts.productIds?.length ? opts.productIds : null;
  const touched = await db().$transaction(async (tx) => {
    if (scoped)
      await tx.$executeRaw`DELETE FROM co_purchase_pairs WHERE product_id = ANY(${scoped}::uuid[]) OR other_product_id = ANY(${scoped}::uuid[])`;
    else await tx.$executeRaw`DELETE FROM co_purchase_pairs`;
    const only = scoped
      ? Prisma.sql`AND (a.product_id = ANY(${scoped}::uuid[]) OR b.product_id = ANY(${scoped}::uuid[]))`
      : Prisma.empty;
    await tx.$executeRaw`
      WITH bought AS (
        SELECT DISTINCT o.checkout_id, i.product_id
          FROM orders o JOIN order_items i ON i.order_id = o.id
         WHERE o.status::text IN ${BOUGHT} ${
           scoped
             ? Prisma.sql`AND o.checkout_id IN (
                 SELECT o2.checkout_id FROM orders o2 JOIN order_items i2 ON i2.order_id = o2.id
                  WHERE i2.product_id = ANY(${scoped}::uuid[]))`
             : Prisma.empty
         }
      )
      INSERT INTO co_purchase_pairs (product_id, other_product_id, checkouts, computed_at)
      SELECT a.product_id, b.product_id, count(*)::int, now()
        FROM bought a JOIN bought b ON b.checkout_id = a.checkout_id AND b.product_id <> a.product_id
       WHERE true ${only}
       GROUP BY a.product_id, b.product_id`;
    const rows = await tx.$queryRaw<{ product_id: string; other_product_id: string; checkouts: number }[]>`
      SELECT product_id, other_product_id, checkouts FROM (
        SELECT product_id, other_product_id, checkouts,
               row_number() OVER (PARTITION BY product_id ORDER BY checkouts DESC, other_product_id) AS rank
          FROM co_purchase_pairs
         ${scoped ? Prisma.sql`WHERE product_id IN (SELECT unnest(${scoped}::uuid[]) UNION SELECT other_product_id FROM co_purchase_pairs WHERE product_id = ANY(${scoped}::uuid[]))` : Prisma.empty}
      ) ranked WHERE rank <= ${ALSO_BOUGHT_KEPT}`;
    const lists = new Map<string, CoPurchase[]>((scoped ?? []).map((id) => [id, []]));
    for (const r of rows) {
      const list = lists.get(r.product_id) ?? [];
      list.push({ productId: r.other_product_id, checkouts: r.checkouts });
      lists.set(r.product_id, list);
    }
    return lists;
  });
  const pairs = [...touched.values()].reduce((n, l) => n + l.length, 0);
  await writeAlsoBoughtCache(touched).catch(() => {
    // Redis down: readers fall back to the table, which committed.
  });
  return { pairs, products: touched.size };
}
