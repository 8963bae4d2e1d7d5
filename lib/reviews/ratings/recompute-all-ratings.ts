import "server-only";

import { db, type Db } from "@/lib/db/client";

import { ratingAggregate } from "./rating-aggregate";
import { recomputeProductRating } from "./recompute-product-rating";
import { recomputeSellerRating } from "./recompute-seller-rating";

export type RecomputeAllResult = {
  productsChecked: number;
  productsFixed: number;
  sellersChecked: number;
  sellersFixed: number;
};

function groupsBy<K extends string>(
  rows: { key: K; rating: number; count: number }[],
): Map<K, { rating: number; count: number }[]> {
  const map = new Map<K, { rating: number; count: number }[]>();
  for (const r of rows) map.set(r.key, [...(map.get(r.key) ?? []), { rating: r.rating, count: r.count }]);
  return map;
}

/**
 * The repair command: checks every product's and seller's stored rating against its reviews,
 * a batch at a time, and recomputes (under the same lock the worker takes) only those that
 * differ, so it can run beside the live worker and a second run changes nothing.
 */
export async function recomputeAllRatings(
  opts: { batchSize?: number; onProgress?: (line: string) => void } = {},
  client: Db = db(),
): Promise<RecomputeAllResult> {
  const take = opts.batchSize ?? 1000;
  const result: RecomputeAllResult = { productsChecked: 0, productsFixed: 0, sellersChecked: 0, sellersFixed: 0 };

  for (let after: string | undefined; ;) {
    const products = await client.product.findMany({
      where: after ? { id: { gt: after } } : {},
      orderBy: { id: "asc" },
      take,
      select: { id: true, ratingAvg: true, reviewCount: true, ratingHistogram: true },
    });
    if (products.length === 0) break;
    after = products[products.length - 1].id;
    const counts = await client.review.groupBy({
      by: ["productId", "rating"],
      where: { productId: { in: products.map((p) => p.id) }, status: "visible" },
      _count: { _all: true },
    });
    const byProduct = groupsBy(counts.map((c) => ({ key: c.productId, rating: c.rating, count: c._count._all })));
    for (const p of products) {
      const agg = ratingAggregate(byProduct.get(p.id) ?? []);
      if (p.ratingAvg === agg.avg && p.reviewCount === agg.count && p.ratingHistogram.join() === agg.histogram.join())
        continue;
      if ((await recomputeProductRating({ productId: p.id }, client))?.changed) result.productsFixed++;
    }
    result.productsChecked += products.length;
    opts.onProgress?.(`products: ${result.productsChecked} checked, ${result.productsFixed} fixed`);
  }

  for (let after: string | undefined; ;) {
    const sellers = await client.sellerProfile.findMany({
      where: after ? { id: { gt: after } } : {},
      orderBy: { id: "asc" },
      take,
      select: { id: true, ratingAvg: true, ratingCount: true },
    });
    if (sellers.length === 0) break;
    after = sellers[sellers.length - 1].id;
    const rows = await client.$queryRaw<{ seller_id: string; rating: number; n: number }[]>`
      SELECT p.seller_id::text AS seller_id, r.rating::int AS rating, count(*)::int AS n
      FROM reviews r JOIN products p ON p.id = r.product_id
      WHERE r.status = 'visible' AND p.seller_id = ANY(${sellers.map((s) => s.id)}::uuid[])
      GROUP BY p.seller_id, r.rating`;
    const bySeller = groupsBy(rows.map((r) => ({ key: r.seller_id, rating: r.rating, count: r.n })));
    for (const s of sellers) {
      const agg = ratingAggregate(bySeller.get(s.id) ?? []);
      if (s.ratingAvg === agg.avg && s.ratingCount === agg.count) continue;
      if ((await recomputeSellerRating({ sellerId: s.id }, client))?.changed) result.sellersFixed++;
    }
    result.sellersChecked += sellers.length;
    opts.onProgress?.(`sellers: ${result.sellersChecked} checked, ${result.sellersFixed} fixed`);
  }
  return result;
}
