export type RatingAggregate = { avg: number; count: number; histogram: [number, number, number, number, number] };

/**
 * A rating summary from per-star counts (as GROUP BY rating returns them): the histogram
 * (index 0 = 1 star), the count, and the mean rounded once, to two decimals.
 */
export function ratingAggregate(groups: { rating: number; count: number }[]): RatingAggregate {
  const histogram: RatingAggregate["histogram"] = [0, 0, 0, 0, 0];
  for (const g of groups) {
    if (!Number.isInteger(g.rating) || g.rating < 1 || g.rating > 5)
      throw new Error(`rating out of range: ${g.rating}`);
    histogram[g.rating - 1] += g.count;
  }
  const count = histogram.reduce((a, n) => a + n, 0);
  const sum = histogram.reduce((a, n, i) => a + n * (i + 1), 0);
  return { avg: count === 0 ? 0 : Math.round((sum / count) * 100) / 100, count, histogram };
}
