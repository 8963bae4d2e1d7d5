import "server-only";

import { db, type Db } from "@/lib/db/client";
import { recordOutboxEvent } from "@/lib/outbox/record-outbox-event";

import { ratingAggregate } from "./rating-aggregate";
import type { RatingRecompute } from "./recompute-product-rating";

/**
 * Recomputes a seller's rating (mean and count over the visible reviews of all their
 * products) from the source rows, under a lock on the seller's row, like
 * recomputeProductRating: idempotent and safe to run concurrently.
 */
export async function recomputeSellerRating(
  opts: { sellerId: string },
  client: Db = db(),
): Promise<RatingRecompute | null> {
  return client.$transaction(async (tx) => {
    const [current] = await tx.$queryRaw<{ rating_avg: number; rating_count: number }[]>`
      SELECT rating_avg, rating_count FROM seller_profiles WHERE id = ${opts.sellerId}::uuid FOR NO KEY UPDATE`;
    if (!current) return null;
    const groups = await tx.review.groupBy({
      by: ["rating"],
      where: { status: "visible", product: { sellerId: opts.sellerId } },
      _count: { _all: true },
    });
    const agg = ratingAggregate(groups.map((g) => ({ rating: g.rating, count: g._count._all })));
    const changed = current.rating_avg !== agg.avg || current.rating_count !== agg.count;
    if (changed) {
      await tx.sellerProfile.update({
        where: { id: opts.sellerId },
        data: { ratingAvg: agg.avg, ratingCount: agg.count },
      });
      await recordOutboxEvent(tx, {
        aggregateType: "seller",
        aggregateId: opts.sellerId,
        eventType: "seller.rating_changed",
        payload: { rating_avg: agg.avg, rating_count: agg.count },
      });
    }
    return { ...agg, changed };
  });
}
