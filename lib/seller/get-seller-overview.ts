import { db } from "@/lib/db/client";

export type SellerOverview = {
  shopName: string;
  slug: string;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  productsByStatus: Record<string, number>;
  lowStock: number;
  ratingAvg: number;
  ratingCount: number;
};

/** The dashboard's summary for one seller; every query is scoped to that seller. */
export async function getSellerOverview(sellerId: string): Promise<SellerOverview> {
  const [profile, byStatus, lowStock] = await Promise.all([
    db().sellerProfile.findUniqueOrThrow({ where: { id: sellerId }, select: { shopName: true, slug: true, chargesEnabled: true, payoutsEnabled: true, ratingAvg: true, ratingCount: true } }),
    db().product.groupBy({ by: ["status"], where: { sellerId }, _count: { _all: true } }),
    db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM products WHERE seller_id = ${sellerId}::uuid AND status = 'active' AND inventory_count <= low_stock_threshold`,
  ]);
  return {
    ...profile,
    productsByStatus: Object.fromEntries(byStatus.map((r) => [r.status, r._count._all])),
    lowStock: lowStock[0]?.n ?? 0,
  };
}
