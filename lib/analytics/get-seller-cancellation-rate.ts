import "server-only";

import { db } from "@/lib/db/client";

/** The seller's record: paid orders they cancelled, out of all paid orders. */
export type SellerCancellationRate = { bySeller: number; paidOrders: number; ratePercent: number };

/** How often a seller cancels orders that were already paid; the percentage has one decimal. */
export async function getSellerCancellationRate(opts: { sellerId: string }): Promise<SellerCancellationRate> {
  const record = await db().$queryRaw<{ by_seller: number; paid: number }[]>`
    SELECT count(*) FILTER (WHERE cancelled_by = 'seller')::int AS by_seller, count(*)::int AS paid
      FROM orders WHERE seller_id = ${opts.sellerId}::uuid AND paid_at IS NOT NULL`;
  const bySeller = record[0]?.by_seller ?? 0;
  const paidOrders = record[0]?.paid ?? 0;
  return { bySeller, paidOrders, ratePercent: paidOrders ? Math.round((bySeller * 1000) / paidOrders) / 10 : 0 };
}
