import { describe, expect, it } from "vitest";

import type { SearchCandidate } from "../search-types";
import { buyerProfileFrom } from "./buyer-profile";
import {
  conversionSignal,
  exactTitleSignal,
  priceCompetitivenessSignal,
  productRatingSignal,
  RANKING_WEIGHTS,
  recencySignal,
  rerankCandidates,
  sellerQualitySignal,
  titleMatchSignal,
  type RankingContext,
} from "./ranking-weights";

const now = new Date("2026-11-24T12:00:00Z");
const day = 86_400_000;

function candidate(over: Partial<SearchCandidate> & { productId: string; title: string }): SearchCandidate {
  return {
    categoryId: 1,
    categoryPaths: ["home"],
    priceCents: 5000,
    currency: "USD",
    ratingAvg: 0,
    reviewCount: 0,
    sellerRating: 0,
    sellerFulfilmentHours: null,
    inStock: true,
    fraudScore: 0,
    publishedAt: new Date(now.getTime() - 30 * day),
    textScore: 0.5,
    ...over,
  };
}

const ctx = (over: Partial<RankingContext> = {}): RankingContext => ({
  text: "",
  groups: [],
  now,
  stats: new Map(),
  categoryMedians: new Map(),
  intentPath: null,
  profile: null,
  ...over,
});

describe("ranking signals", () => {
  it("title match counts query words (or synonyms) found in the title, forgiving plurals", () => {
    expect(titleMatchSignal([[["wireless"]], [["headphones"]]], ["wireless", "headphone", "case"])).toBe(1);
    expect(titleMatchSignal([[["couch"], ["sofa"]], [["red"]]], ["velvet", "sofa"])).toBe(0.5);
    expect(titleMatchSignal([], ["x"])).toBe(0);
  });

  it("exact title is 1, a phrase inside the title 0.5", () => {
    expect(exactTitleSignal("wireless headphones", "wireless headphones")).toBe(1);
    expect(exactTitleSignal("wireless headphones", "wireless headphones case")).toBe(0.5);
    expect(exactTitleSignal("less head", "wireless headphones")).toBe(0);
  });

  it("conversion is smoothed: no history is low, real clicks and purchases raise it", () => {
    expect(conversionSignal(undefined)).toBeCloseTo(0.1);
    expect(conversionSignal({ impressions: 100, clicks: 30, purchases: 5 })).toBeGreaterThan(0.9);
    expect(conversionSignal({ impressions: 1000, clicks: 1, purchases: 0 })).toBeLessThan(0.01);
  });

  it("seller quality treats unknowns as average and rewards fast fulfilment", () => {
    expect(sellerQualitySignal(0, null)).toBeCloseTo(0.5);
    expect(sellerQualitySignal(5, 12)).toBeCloseTo(1);
    expect(sellerQualitySignal(5, 200)).toBeCloseTo(0.6);
  });

  it("product rating needs reviews to move far from the average", () => {
    expect(productRatingSignal(5, 1)).toBeLessThan(productRatingSignal(4.8, 200));
  });

  it("recency fades, price competitiveness centres on the category median", () => {
    expect(recencySignal(now, now)).toBe(1);
    expect(recencySignal(new Date(now.getTime() - 365 * day), now)).toBeLessThan(0.01);
    expect(priceCompetitivenessSignal(5000, 5000)).toBe(0.5);
    expect(priceCompetitivenessSignal(2500, 5000)).toBe(1);
    expect(priceCompetitivenessSignal(10000, 5000)).toBe(0);
    expect(priceCompetitivenessSignal(10000, undefined)).toBe(0.5);
  });
});

describe("rerankCandidates", () => {
  it("puts the exact title first even against better-rated partial matches", () => {
    const ranked = rerankCandidates(
      [
        candidate({
          productId: "case",
          title: "Wireless Headphones Case",
          ratingAvg: 5,
          reviewCount: 500,
          sellerRating: 5,
          sellerFulfilmentHours: 10,
          publishedAt: now,
          textScore: 0.6,
        }),
        candidate({
          productId: "exact",
          title: "Wireless Headphones",
          textScore: 0.5,
          publishedAt: new Date(now.getTime() - 400 * day),
        }),
      ],
      ctx({ text: "wireless headphones", groups: [[["wireless"]], [["headphones"]]] }),
    );
    expect(ranked.map((r) => r.productId)).toEqual(["exact", "case"]);
  });

  it("lets conversion history decide between equal text matches", () => {
    const ranked = rerankCandidates(
      [candidate({ productId: "a", title: "Red Mug" }), candidate({ productId: "b", title: "Red Mug" })],
      ctx({
        text: "red mug",
        groups: [[["red"]], [["mug"]]],
        stats: new Map([["b", { impressions: 50, clicks: 20, purchases: 4 }]]),
      }),
    );
    expect(ranked[0].productId).toBe("b");
  });

  it("penalizes fraud, boosts the named category and the buyer's habits", () => {
    const base = { title: "Lamp", textScore: 0.5 };
    const ranked = rerankCandidates(
      [
        candidate({ ...base, productId: "fraud", fraudScore: 90 }),
        candidate({ ...base, productId: "plain", categoryPaths: ["garden"] }),
        candidate({ ...base, productId: "intent", categoryPaths: ["home", "home/lighting"] }),
      ],
      ctx({ text: "lamp", groups: [[["lamp"]]], intentPath: "home/lighting" }),
    );
    expect(ranked.map((r) => r.productId)).toEqual(["intent", "plain", "fraud"]);
    expect(ranked[2].breakdown.fraudPenalty).toBeCloseTo(-RANKING_WEIGHTS.fraudPenalty * 0.9);

    const profile = buyerProfileFrom([
      { categoryPath: "garden/tools", unitPriceCents: 2000 },
      { categoryPath: "garden/tools", unitPriceCents: 3000 },
    ]);
    const personal = rerankCandidates(
      [
        candidate({ ...base, productId: "home" }),
        candidate({ ...base, productId: "garden", categoryPaths: ["garden", "garden/tools"], priceCents: 2500 }),
      ],
      ctx({ text: "lamp", groups: [[["lamp"]]], profile }),
    );
    expect(personal[0].productId).toBe("garden");
    expect(personal[0].breakdown.personalCategory).toBeGreaterThan(0);
    expect(personal[0].breakdown.personalPrice).toBeGreaterThan(0);
  });

  it("keeps the engine's order for ties and explains every score", () => {
    const ranked = rerankCandidates(
      [candidate({ productId: "1", title: "A" }), candidate({ productId: "2", title: "A" })],
      ctx(),
    );
    expect(ranked.map((r) => r.productId)).toEqual(["1", "2"]);
    const sum = Object.values(ranked[0].breakdown).reduce((s, v) => s + v, 0);
    expect(sum).toBeCloseTo(ranked[0].score, 3);
    expect(Object.keys(ranked[0].breakdown).sort()).toEqual(Object.keys(RANKING_WEIGHTS).sort());
  });
});

describe("buyerProfileFrom", () => {
  it("weights categories by purchases and widens the usual price range", () => {
    const p = buyerProfileFrom([
      { categoryPath: "electronics/audio", unitPriceCents: 5000 },
      { categoryPath: "electronics/audio", unitPriceCents: 7000 },
      { categoryPath: "home/kitchen", unitPriceCents: 3000 },
    ])!;
    expect(p.categories.get("electronics/audio")).toBe(1);
    expect(p.categories.get("home/kitchen")).toBe(0.5);
    expect(p.topCategories.get("electronics")).toBe(1);
    expect(p.priceBand!.min).toBeLessThan(3000);
    expect(p.priceBand!.max).toBeGreaterThan(7000);
    expect(buyerProfileFrom([])).toBeNull();
  });
});
