import { describe, expect, it } from "vitest";

import { checkListingRules, type ListingFacts } from "./check-listing-rules";
import { findProhibitedTerms } from "./find-prohibited-terms";

const ok: ListingFacts = {
  title: "Leather boots",
  description: "Brown, size 42",
  imageCount: 2,
  priceCents: 8000,
  sellerAgeDays: 400,
  categoryMedianCents: 9000,
  categoryListingCount: 40,
};

describe("listing rules", () => {
  it("pass an ordinary listing", () => {
    expect(checkListingRules(ok)).toEqual([]);
  });

  it("flag a listing without images", () => {
    expect(checkListingRules({ ...ok, imageCount: 0 }).map((v) => v.code)).toEqual(["no_images"]);
  });

  it("flag prohibited terms as whole words, case-insensitively", () => {
    expect(findProhibitedTerms("Rolex REPLICA watch")).toEqual(["replica"]);
    expect(findProhibitedTerms("Pay by Western-Union please")).toEqual(["western union"]);
    expect(findProhibitedTerms("replicate the look")).toEqual([]);
    expect(checkListingRules({ ...ok, description: "100% counterfeit free? no: counterfeit" })[0].message).toContain(
      '"counterfeit"',
    );
  });

  it("flag a new seller's price far below the category median, and only then", () => {
    const cheap = { ...ok, priceCents: 1000, sellerAgeDays: 3 };
    expect(checkListingRules(cheap).map((v) => v.code)).toEqual(["price_far_below_median"]);
    expect(checkListingRules({ ...cheap, sellerAgeDays: 365 })).toEqual([]);
    expect(checkListingRules({ ...cheap, categoryListingCount: 2 })).toEqual([]);
    expect(checkListingRules({ ...cheap, categoryMedianCents: null })).toEqual([]);
    expect(checkListingRules({ ...cheap, priceCents: 2800 })).toEqual([]);
  });
});
