import { describe, expect, it } from "vitest";

import { buildReviewListQuery, ZReviewListQuery } from "./review-list-query";

const productId = "3f0c2a9e-8b1d-4c56-9a7e-2b4f6d8c0e11";

describe("buildReviewListQuery", () => {
  it("defaults to the newest visible reviews, ten a page", () => {
    expect(buildReviewListQuery({ productId })).toEqual({
      where: { productId, status: "visible" },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: 0,
      take: 10,
    });
  });

  it("sorts by helpful, highest and lowest with stable tie-breaks", () => {
    expect(buildReviewListQuery({ productId, sort: "helpful" }).orderBy).toEqual([
      { helpfulCount: "desc" },
      { createdAt: "desc" },
      { id: "asc" },
    ]);
    expect(buildReviewListQuery({ productId, sort: "highest" }).orderBy).toEqual([
      { rating: "desc" },
      { createdAt: "desc" },
      { id: "asc" },
    ]);
    expect(buildReviewListQuery({ productId, sort: "lowest" }).orderBy).toEqual([
      { rating: "asc" },
      { createdAt: "desc" },
      { id: "asc" },
    ]);
  });

  it("filters by stars and pages", () => {
    expect(buildReviewListQuery({ productId, stars: 4, page: 3 })).toMatchObject({
      where: { productId, status: "visible", rating: 4 },
      skip: 20,
      take: 10,
    });
  });
});

describe("ZReviewListQuery (from the URL)", () => {
  it("reads strings and falls back to defaults for anything odd", () => {
    expect(ZReviewListQuery.parse({ sort: "lowest", stars: "2", page: "4" })).toEqual({
      sort: "lowest",
      stars: 2,
      page: 4,
    });
    expect(ZReviewListQuery.parse({})).toEqual({ sort: "newest", page: 1 });
    expect(ZReviewListQuery.parse({ sort: "price", stars: "0", page: "abc" })).toEqual({
      sort: "newest",
      stars: undefined,
      page: 1,
    });
    expect(ZReviewListQuery.parse({ stars: "6", page: "1001" })).toMatchObject({ stars: undefined, page: 1 });
    expect(ZReviewListQuery.parse({ stars: "", page: "2.5" })).toMatchObject({ stars: undefined, page: 1 });
  });
});
