import { describe, expect, it } from "vitest";

import { listingRatingScore, RATING_PRIOR_MEAN } from "./rating-score";

describe("the Top rated score", () => {
  it("puts two hundred 4.8s above one 5-star review, and the unreviewed below both", () => {
    const listings = [
      { id: "unreviewed", score: listingRatingScore(0, 0) },
      { id: "one five", score: listingRatingScore(5, 1) },
      { id: "many 4.8", score: listingRatingScore(4.8, 200) },
      { id: "poor", score: listingRatingScore(2.1, 40) },
    ].sort((a, b) => b.score - a.score);
    expect(listings.map((l) => l.id)).toEqual(["many 4.8", "one five", "unreviewed", "poor"]);
    expect(listingRatingScore(0, 0)).toBe(RATING_PRIOR_MEAN);
    expect(listingRatingScore(5, 1)).toBeCloseTo(40 / 11, 10);
    expect(listingRatingScore(4.8, 200)).toBeCloseTo(995 / 210, 10);
  });
});
