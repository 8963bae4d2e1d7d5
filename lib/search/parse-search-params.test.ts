import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors/app-error";

import { parseSearchParams } from "./parse-search-params";
import { searchHref, searchParamsOf, toggleAttribute } from "./search-url";

describe("parseSearchParams, strict (the API)", () => {
  const refuse = (params: Record<string, string>) => {
    try {
      parseSearchParams(params, { strict: true });
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).status).toBe(400);
      return (err as AppError).message;
    }
    throw new Error("expected a 400");
  };

  it.each([
    ["a 1,000-character query", { q: "x".repeat(1000) }, /q must be at most 200 characters/],
    ["price_min above price_max", { price_min: "50", price_max: "10" }, /price_min must not be more than price_max/],
    ["page 100,000", { page: "100000" }, /page must be at most 1000/],
    ["an unknown filter", { colour: "red" }, /unknown parameter "colour"/],
    ["an unknown sort", { sort: "cheapest" }, /sort must be one of relevance, price_asc/],
    ["a negative price", { price_min: "-5" }, /price_min must be an amount/],
    ["a bad attribute name", { "attr.Color!": "red" }, /attr\.Color!: attribute names/],
    ["a rating above 5", { rating_min: "9" }, /rating_min must be from 0 to 5/],
    ["a page that is not a number", { page: "two" }, /page must be a whole number/],
  ])("refuses %s with a 400 naming it", (_label, params, message) => {
    expect(refuse(params)).toMatch(message);
  });

  it("names every problem at once", () => {
    expect(refuse({ sort: "x", page: "0" })).toMatch(/sort .*; page /);
  });

  it("reads every parameter", () => {
    const { request } = parseSearchParams(
      new URLSearchParams(
        "q=Red+Shoes&category=running-shoes&price_min=10&price_max=99.5&rating_min=4&in_stock=1&attr.color=Red&attr.color=Blue&attr.size=42&sort=price_asc&page=3&per_page=12&debug=1",
      ),
      { strict: true },
    );
    expect(request).toEqual({
      q: "Red Shoes",
      filters: {
        category: "running-shoes",
        priceMinCents: 1000,
        priceMaxCents: 9950,
        ratingMin: 4,
        inStock: true,
        attributes: { color: ["Red", "Blue"], size: ["42"] },
      },
      sort: "price_asc",
      page: 3,
      perPage: 12,
      debug: true,
    });
  });

  it("treats a missing or empty query as browsing everything", () => {
    expect(parseSearchParams({}, { strict: true }).request.q).toBe("");
    expect(parseSearchParams({ q: "" }, { strict: true }).request.q).toBe("");
  });

  it("passes SQL and regex metacharacters through as plain text (they are normalized away later)", () => {
    expect(parseSearchParams({ q: "'; DROP TABLE products; --" }, { strict: true }).request.q).toBe(
      "'; DROP TABLE products; --",
    );
  });
});

describe("parseSearchParams, lenient (the page)", () => {
  it("drops what is wrong, reports it, and keeps the rest", () => {
    const { request, problems } = parseSearchParams(
      { q: "x".repeat(1000), price_min: "50", price_max: "10", page: "abc", colour: "red", sort: "price_desc" },
      { strict: false },
    );
    expect(request.q).toHaveLength(200);
    expect(request.filters.priceMinCents).toBeUndefined();
    expect(request.filters.priceMaxCents).toBeUndefined();
    expect(request.page).toBe(1);
    expect(request.sort).toBe("price_desc");
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/price_min/), expect.stringMatching(/page/)]),
    );
  });
});

describe("search URLs", () => {
  const state = {
    q: "shoes",
    filters: { category: "fashion", priceMinCents: 1000, attributes: { color: ["Red"] } },
    sort: "relevance" as const,
    page: 2,
  };

  it("round-trips through the parser", () => {
    const href = searchHref(state, { page: 2 });
    const { request } = parseSearchParams(new URLSearchParams(href.split("?")[1]), { strict: true });
    expect(request.q).toBe("shoes");
    expect(request.filters).toEqual({
      category: "fashion",
      priceMinCents: 1000,
      priceMaxCents: undefined,
      ratingMin: undefined,
      inStock: undefined,
      attributes: { color: ["Red"] },
    });
    expect(request.page).toBe(2);
  });

  it("goes back to page 1 when a filter or the sort changes", () => {
    expect(searchHref(state, { sort: "price_asc" })).toBe(
      "/search?q=shoes&category=fashion&price_min=10&attr.color=Red&sort=price_asc",
    );
    expect(searchHref(state, { filters: { category: undefined } })).toBe("/search?q=shoes&price_min=10&attr.color=Red");
  });

  it("leaves out defaults", () => {
    expect(searchParamsOf({ q: "", filters: { attributes: {} }, sort: "relevance", page: 1 }).toString()).toBe("");
  });

  it("toggles attribute values", () => {
    expect(toggleAttribute({ color: ["Red"] }, "color", "Blue")).toEqual({ color: ["Red", "Blue"] });
    expect(toggleAttribute({ color: ["Red"] }, "color", "Red")).toEqual({});
  });
});
