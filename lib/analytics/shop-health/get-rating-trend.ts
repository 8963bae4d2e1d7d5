import "server-only";

import type { AnalyticsRange } from "@/lib/analytics/report/analytics-range";
import { db } from "@/lib/db/client";

/** A week's visible reviews of the seller's products: how many, and their average rating (1..5, two decimals). */
export type RatingWeek = { week: string; reviews: number; averageRating: number };
export type RatingPeriod = { reviews: number; averageRating: number | null };
export type RatingTrend = { weeks: RatingWeek[]; current: RatingPeriod; previous: RatingPeriod };

/**
 * The average rating of reviews written in the range, per week (weeks start on Monday, UTC;
 * the first and last may be partial, clipped to the range), and over the range and the period
 * before it. Hidden reviews are left out, as they are on the shop's pages.
 */
export async function getRatingTrend(opts: { sellerId: string; range: AnalyticsRange }): Promise<RatingTrend> {
  const { sellerId, range } = opts;
  const rows = await db().$queryRaw<{ week: string; current: boolean; reviews: number; total: number }[]>`
    SELECT to_char(date_trunc('week', r.created_at), 'YYYY-MM-DD') AS week,
           r.created_at >= ${range.from}::timestamp AS current,
           count(*)::int AS reviews, sum(r.rating)::int AS total
      FROM reviews r JOIN products p ON p.id = r.product_id
     WHERE p.seller_id = ${sellerId}::uuid AND r.status = 'visible'
       AND r.created_at >= ${range.previous.from}::timestamp AND r.created_at < ${range.to}::timestamp + interval '1 day'
     GROUP BY 1, 2 ORDER BY 1`;
  const avg = (total: number, n: number) => Math.round((total / n) * 100) / 100;
  const period = (current: boolean): RatingPeriod => {
    const mine = rows.filter((r) => r.current === current);
    const reviews = mine.reduce((s, r) => s + r.reviews, 0);
    const total = mine.reduce((s, r) => s + r.total, 0);
    return { reviews, averageRating: reviews ? avg(total, reviews) : null };
  };
  return {
    weeks: rows
      .filter((r) => r.current)
      .map((r) => ({ week: r.week, reviews: r.reviews, averageRating: avg(r.total, r.reviews) })),
    current: period(true),
    previous: period(false),
  };
}
