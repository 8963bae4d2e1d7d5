import "server-only";

import { db, type Db } from "@/lib/db/client";
import { recordOutboxEvent } from "@/lib/outbox/record-outbox-event";

import { ratingAggregate, type RatingAggregate } from "./rating-aggregate";

export type RatingRecompute = RatingAggregate & { changed: boolean };

/**
 * Recomputes a product's rating_avg, review_count and rating_histogram from its visible
 * reviews. Idempotent (it counts rows, never adds to a stored number) and safe to run
 * concurrently: the product row is locked first, so the counting statement that follows
 * sees every review committed before the lock was granted, and the last writer is never
 * older than the one before it. Writes only when a number changed; that write bumps the
 * product's updated_at, which is the product page's cache version.
 */
export async function recomputeProductRating(
  opts: { productId: string },
  client: Db = db(),
): Promise<RatingRecompute | null> {
  return client.$transaction(async (tx) => {
    const [current] = await tx.$queryRaw<{ rating_avg: number; review_count: number; rating_histogram: number[] }[]>`
      SELECT rating_avg, review_count, rating_histogram FROM products WHERE id = ${opts.productId}::uuid FOR NO KEY UPDATE`;
    if (!current) return null;
    const groups = await tx.review.groupBy({
      by: ["rating"],
      where: { productId: opts.productId, status: "visible" },
      _count: { _all: true },
    });
    const agg = ratingAggregate(groups.map((g) => ({ rating: g.rating, count: g._count._all })));
    const changed =
      current.rating_avg !== agg.avg ||
      current.review_count !== agg.count ||
      current.rating_histogram.join() !== agg.histogram.join();
    if (changed) {
      await tx.product.update({
        where: { id: opts.productId },
        data: { ratingAvg: agg.avg, reviewCount: agg.count, ratingHistogram: agg.histogram },
      });
      await recordOutboxEvent(tx, {
        aggregateType: "product",
        aggregateId: opts.productId,
        eventType: "product.rating_changed",
        payload: { rating_avg: agg.avg, review_count: agg.count },
      });
    }
    return { ...agg, changed };
  });
}
