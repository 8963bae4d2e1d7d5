import "server-only";

import { db } from "@/lib/db/client";

export type SellerListingCounts = {
  productsByStatus: Record<string, number>;
  /** Live listings at or below their own low-stock threshold. */
  lowStock: number;
};

/** The seller dashboard's listing counters; every query is scoped to that seller. */
export async function getSellerListingCounts(opts: { sellerId: string }): Promise<SellerListingCounts> {
  const { sellerId } = opts;
  const [byStatus, lowStock] = await Promise.all([
    db().product.groupBy({ by: ["status"], where: { sellerId }, _count: { _all: true } }),
    db().$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM products WHERE seller_id = ${sellerId}::uuid AND status = 'active' AND inventory_count <= low_stock_threshold`,
  ]);
  return {
    productsByStatus: Object.fromEntries(byStatus.map((r) => [r.status, r._count._all])),
    lowStock: lowStock[0]?.n ?? 0,
  };
}
