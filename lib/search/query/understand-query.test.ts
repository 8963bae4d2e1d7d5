import { describe, expect, it } from "vitest";

import { RECALL_LIMIT, RESULT_WINDOW } from "../search-config";
import type { SearchRequest } from "../search-types";
import { buildCategoryLookup } from "./category-intent";
import { buildSynonymMap } from "./expand-synonyms";
import { normalizeQuery } from "./normalize-query";
import { understandQuery } from "./understand-query";

const lookup = buildCategoryLookup([
  { id: 1, slug: "electronics", path: "electronics", name: "Electronics", depth: 0 },
  { id: 2, slug: "audio", path: "electronics/audio", name: "Audio", depth: 1 },
  { id: 3, slug: "headphones", path: "electronics/audio/headphones", name: "Headphones", depth: 2 },
  { id: 4, slug: "home", path: "home", name: "Home", depth: 0 },
]);
const synonyms = buildSynonymMap([["sofa", "couch"]], (s) => normalizeQuery(s).text);

const request = (over: Partial<SearchRequest> & { category?: string } = {}): SearchRequest => ({
  q: "",
  sort: "relevance",
  page: 1,
  perPage: 24,
  debug: false,
  ...over,
  filters: { attributes: {}, category: over.category },
});

describe("understandQuery", () => {
  it("normalizes the words and expands them with the admins' synonyms", () => {
    const u = understandQuery(request({ q: "Velvet SOFA!" }), lookup, synonyms);
    expect(u.normalized).toEqual({ text: "velvet sofa", tokens: ["velvet", "sofa"] });
    expect(u.groups).toEqual([[["velvet"]], [["sofa"], ["couch"]]]);
  });

  it("reads the category the words name as an intent to boost", () => {
    const u = understandQuery(request({ q: "wireless headphones" }), lookup, synonyms);
    expect(u.intent).toEqual({ id: 3, slug: "headphones", path: "electronics/audio/headphones", name: "Headphones" });
    expect(u.category).toBeNull();
  });

  it("drops the intent when the search is already inside that category, not when it is above it", () => {
    const inside = understandQuery(request({ q: "headphones", category: "headphones" }), lookup, synonyms);
    expect(inside.category?.slug).toBe("headphones");
    expect(inside.intent).toBeNull();
    const above = understandQuery(request({ q: "headphones", category: "electronics" }), lookup, synonyms);
    expect(above.intent?.slug).toBe("headphones");
  });

  it("flags a category slug that does not exist", () => {
    const u = understandQuery(request({ q: "lamp", category: "no-such-category" }), lookup, synonyms);
    expect(u.unknownCategory).toBe(true);
    expect(u.category).toBeNull();
    expect(understandQuery(request({ q: "lamp" }), lookup, synonyms).unknownCategory).toBe(false);
  });

  it("pages words and relevance through the recalled candidates, browsing through the result window", () => {
    expect(understandQuery(request({ q: "lamp", sort: "price_asc" }), lookup, synonyms).reach).toBe(RECALL_LIMIT);
    expect(understandQuery(request({ q: "" }), lookup, synonyms).reach).toBe(RECALL_LIMIT);
    expect(understandQuery(request({ q: "", sort: "newest" }), lookup, synonyms).reach).toBe(RESULT_WINDOW);
  });
});
