import { describe, expect, it } from "vitest";

import { ZRecommendationsQuery } from "./recommendations-query";

const A = "00000000-0000-4000-8000-000000000001";
const B = "00000000-0000-4000-8000-000000000002";

describe("the recommendations query", () => {
  it("reads comma-separated ids, once each", () => {
    expect(ZRecommendationsQuery.parse({ page: "cart", product_ids: `${A},${B},${A}` })).toEqual({
      page: "cart",
      product_ids: [A, B],
      recent: [],
    });
  });

  it("refuses an unknown page, a bad id and too many ids with a sentence a person can read", () => {
    const message = (q: Record<string, string>) => {
      const r = ZRecommendationsQuery.safeParse(q);
      return r.success ? null : r.error.issues[0].message;
    };
    expect(message({ page: "checkout" })).toBe("Page must be product, cart, order or home.");
    expect(message({ page: "product", product_ids: "not-an-id" })).toBe("Each of the products must be a listing id.");
    const many = Array.from({ length: 21 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
    expect(message({ page: "product", recent: many.join(",") })).toBe("Name at most 20 recently viewed listings.");
  });
});
