import { describe, expect, it } from "vitest";

import { incentivisedPhrase, jaccard, NEAR_DUPLICATE_SIMILARITY, shingles } from "./review-text";

const sim = (a: string, b: string) => jaccard(shingles(a), shingles(b));

describe("review text", () => {
  const review = "Crushes ice in seconds and the jug is easy to clean. Best purchase this year, highly recommend!";

  it("a copy with other case, punctuation and a word changed is a near-duplicate; another review is not", () => {
    expect(sim(review, review)).toBe(1);
    expect(sim(review, review.toUpperCase().replace(/[.,!]/g, "  ").replace("Best", "Top"))).toBeGreaterThanOrEqual(
      NEAR_DUPLICATE_SIMILARITY,
    );
    expect(sim(review, "Arrived late and the lid cracked on day two. Customer service never answered.")).toBeLessThan(
      0.2,
    );
    expect(sim("", review)).toBe(0);
  });

  it("incentivised wording is a phrase, not a word: free shipping or a full price is no hit", () => {
    expect(incentivisedPhrase("I received this kettle for free in exchange for my honest review.")).toMatch(/for free/);
    expect(incentivisedPhrase("The seller offered a $10 gift card for a 5 star review.")).toMatch(/gift card/);
    expect(incentivisedPhrase("Got a full refund after leaving my review")).toMatch(/refund/);
    expect(incentivisedPhrase("Free shipping and I paid full price. Five stars!")).toBeNull();
    expect(incentivisedPhrase("Worth every penny; I would review it again.")).toBeNull();
  });
});
