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
  /** The seller's record: paid orders they cancelled, out of all paid orders. */
  cancellations: { bySeller: number; paidOrders: number; ratePercent: number };
};

/** The dashboard's summary for one seller; every query is scoped to that seller. */
export async function getSellerOverview(sellerId: string): Promise<SellerOverview> {
  const [profile, byStatus, lowStock, record] = await Promise.all([
    db().sellerProfile.findUniqueOrThrow({
      where: { id: sellerId },
      select: {
        shopName: true,
        slug: true,
        chargesEnabled: true,
        payoutsEnabled: true,
        ratingAvg: true,
        ratingCount: true,
      },
    }),
    db().product.groupBy({ by: ["status"], where: { sellerId }, _count: { _all: true } }),
    db().$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM products WHERE seller_id = ${sellerId}::uuid AND status = 'active' AND inventory_count <= low_stock_threshold`,
    db().$queryRaw<{ by_seller: number; paid: number }[]>`
      SELECT count(*) FILTER (WHERE cancelled_by = 'seller')::int AS by_seller, count(*)::int AS paid
        FROM orders WHERE seller_id = ${sellerId}::uuid AND paid_at IS NOT NULL`,
  ]);
  const bySeller = record[0]?.by_seller ?? 0;
  const paidOrders = record[0]?.paid ?? 0;
  return {
    ...profile,
    productsByStatus: Object.fromEntries(byStatus.map((r) => [r.status, r._count._all])),
    lowStock: lowStock[0]?.n ?? 0,
    cancellations: {
      bySeller,
      paidOrders,
      ratePercent: paidOrders ? Math.round((bySeller * 1000) / paidOrders) / 10 : 0,
    },
  };
}
