import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { ratingAggregate } from "./rating-aggregate";

describe("ratingAggregate", () => {
  it("5, 4, 1 → 3.33 over 3 with histogram [1,0,0,1,1]", () => {
    expect(
      ratingAggregate([
        { rating: 5, count: 1 },
        { rating: 4, count: 1 },
        { rating: 1, count: 1 },
      ]),
    ).toEqual({ avg: 3.33, count: 3, histogram: [1, 0, 0, 1, 1] });
  });

  it("no reviews → 0 over 0", () => {
    expect(ratingAggregate([])).toEqual({ avg: 0, count: 0, histogram: [0, 0, 0, 0, 0] });
  });

  it("refuses a rating outside 1..5 rather than miscounting it", () => {
    expect(() => ratingAggregate([{ rating: 0, count: 1 }])).toThrow(/out of range/);
  });

  it("for any set of ratings: the count adds up, the mean is within the rounding of the true mean, and order does not matter", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 500 }), (ratings) => {
        const groups = [1, 2, 3, 4, 5].map((r) => ({ rating: r, count: ratings.filter((x) => x === r).length }));
        const agg = ratingAggregate(groups);
        expect(agg.count).toBe(ratings.length);
        expect(agg.histogram.reduce((a, n) => a + n, 0)).toBe(ratings.length);
        const mean = ratings.length ? ratings.reduce((a, b) => a + b, 0) / ratings.length : 0;
        expect(Math.abs(agg.avg - mean)).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(ratingAggregate([...groups].reverse())).toEqual(agg);
      }),
    );
  });
});
