import "server-only";

import { db } from "@/lib/db/client";

import { reviewEligibility } from "../review-rules";

export type OrderBuyerRating = {
  orderId: string;
  /** Whether this seller may rate the buyer of this order now. */
  canRate: boolean;
  /** This seller's rating of the buyer on this order, if given. */
  mine: { rating: number; note: string; createdAt: Date } | null;
  /** The buyer's reputation from every seller's ratings. */
  buyer: { avg: number; count: number };
};

/** For a seller's order list: each order's buyer rating state, for the seller's own orders only. */
export async function listOrderBuyerRatings(opts: {
  sellerId: string;
  orderIds: string[];
  now?: Date;
}): Promise<Record<string, OrderBuyerRating>> {
  if (opts.orderIds.length === 0) return {};
  const orders = await db().order.findMany({
    where: { id: { in: opts.orderIds }, sellerId: opts.sellerId },
    select: {
      id: true,
      buyerId: true,
      status: true,
      deliveredAt: true,
      completedAt: true,
      buyerReview: { select: { rating: true, note: true, createdAt: true } },
    },
  });
  const buyerIds = [...new Set(orders.map((o) => o.buyerId))];
  const reputation = buyerIds.length
    ? await db().buyerReview.groupBy({
        by: ["buyerId"],
        where: { buyerId: { in: buyerIds } },
        _avg: { rating: true },
        _count: { _all: true },
      })
    : [];
  const byBuyer = new Map(
    reputation.map((r) => [r.buyerId, { avg: Math.round((r._avg.rating ?? 0) * 100) / 100, count: r._count._all }]),
  );
  return Object.fromEntries(
    orders.map((o) => [
      o.id,
      {
        orderId: o.id,
        canRate: !o.buyerReview && reviewEligibility(o, opts.now).ok,
        mine: o.buyerReview,
        buyer: byBuyer.get(o.buyerId) ?? { avg: 0, count: 0 },
      },
    ]),
  );
}
