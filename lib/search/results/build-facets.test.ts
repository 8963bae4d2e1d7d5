import { describe, expect, it } from "vitest";

import { meiliFilter, meiliString, meiliSynonyms, priceBucket } from "../engines/meili-engine";
import { buildCategoryLookup, detectCategoryIntent } from "../query/category-intent";
import { buildFacets } from "./build-facets";

const lookup = buildCategoryLookup([
  { id: 1, slug: "fashion", path: "fashion", name: "Fashion", depth: 0 },
  { id: 2, slug: "shoes", path: "fashion/shoes", name: "Shoes", depth: 1 },
  { id: 3, slug: "running-shoes", path: "fashion/shoes/running-shoes", name: "Running Shoes", depth: 2 },
  { id: 4, slug: "electronics", path: "electronics", name: "Electronics", depth: 0 },
  { id: 5, slug: "headphones", path: "electronics/headphones", name: "Headphones", depth: 1 },
]);

describe("category intent", () => {
  it("finds the most specific category the query names", () => {
    expect(detectCategoryIntent(["trail", "running", "shoes"], lookup)?.slug).toBe("running-shoes");
    expect(detectCategoryIntent(["red", "shoe"], lookup)?.slug).toBe("shoes");
    expect(detectCategoryIntent(["wireless", "headphones"], lookup)?.slug).toBe("headphones");
    expect(detectCategoryIntent(["lamp"], lookup)).toBeNull();
  });
});

describe("buildFacets", () => {
  const raw = {
    categoryPaths: {
      fashion: 5,
      "fashion/shoes": 5,
      "fashion/shoes/running-shoes": 3,
      electronics: 2,
      "electronics/headphones": 2,
    },
    priceBuckets: [1, 0, 2, 0, 0, 0, 4],
    attributePairs: { "color:Red": 3, "color:Blue": 2, "author:A": 1, "author:B": 1, "size:42": 4 },
    ratingFloors: [1, 0, 0, 2, 3, 1],
    inStock: 6,
  };

  it("lists the top level when no category is chosen, then one level down", () => {
    expect(buildFacets(raw, lookup, null, {}, true).categories.map((c) => [c.slug, c.count])).toEqual([
      ["fashion", 5],
      ["electronics", 2],
    ]);
    expect(buildFacets(raw, lookup, lookup.bySlug.get("fashion")!, {}, true).categories.map((c) => c.slug)).toEqual([
      "shoes",
    ]);
  });

  it("turns buckets into price ranges and floors into 'N stars & up'", () => {
    const f = buildFacets(raw, lookup, null, {}, true);
    expect(f.priceRanges).toEqual([
      { minCents: 0, maxCents: 999, count: 1 },
      { minCents: 2500, maxCents: 4999, count: 2 },
      { minCents: 50000, maxCents: null, count: 4 },
    ]);
    expect(f.ratings).toEqual([
      { min: 4, count: 4 },
      { min: 3, count: 6 },
      { min: 2, count: 6 },
      { min: 1, count: 6 },
    ]);
  });

  it("keeps attributes that split the results, and any the buyer filters on", () => {
    expect(buildFacets(raw, lookup, null, {}, true).attributes.map((a) => a.key)).toEqual(["color"]);
    expect(buildFacets(raw, lookup, null, { size: ["42"] }, true).attributes.map((a) => a.key)).toEqual([
      "size",
      "color",
    ]);
  });
});

describe("Meilisearch helpers", () => {
  it("quotes filter values so nothing escapes the string", () => {
    expect(meiliString('a "b" \\ c')).toBe('"a \\"b\\" \\\\ c"');
    expect(
      meiliFilter({
        categoryPath: "fashion",
        priceMinCents: 100,
        inStock: true,
        attributes: { color: ["Red", 'x" OR 1=1'] },
      }),
    ).toEqual([
      'category_paths = "fashion"',
      "price_cents >= 100",
      "in_stock = true",
      ['attribute_pairs = "color:Red"', 'attribute_pairs = "color:x\\" OR 1=1"'],
    ]);
  });

  it("buckets prices like PostgreSQL's width_bucket", () => {
    expect([0, 999, 1000, 4999, 49_999, 50_000, 10_000_000].map(priceBucket)).toEqual([0, 0, 1, 2, 5, 6, 6]);
  });

  it("makes synonym groups mutual", () => {
    expect(meiliSynonyms([["Sofa", "couch", "settee"]])).toEqual({
      sofa: ["couch", "settee"],
      couch: ["sofa", "settee"],
      settee: ["sofa", "couch"],
    });
  });
});
