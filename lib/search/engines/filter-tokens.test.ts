import { describe, expect, it } from "vitest";

import type { EngineQuery, EngineResult, SearchEngine } from "../search-types";
import { cachedEngineQuery, clearEngineResultCache } from "./engine-result-cache";
import { attributeToken, categoryToken, filterTsQuery, IN_STOCK_TOKEN } from "./filter-tokens";

describe("filter tokens", () => {
  it("hash like the migration's search_filter_tokens (left(md5(text), 16), UTF-8)", () => {
    // Values read from PostgreSQL: SELECT left(md5('fashion/shoes'), 16), left(md5('color:Grün'), 16)
    expect(categoryToken("fashion/shoes")).toBe("_cf853d08603fe841f");
    expect(attributeToken("color", "Grün")).toBe("_ad974961bbfdc7cdb");
  });

  it("require the category, any value of each attribute, every attribute and stock", () => {
    const q = filterTsQuery({
      categoryPath: "fashion/shoes",
      attributes: { size: ["42"], color: ["Red", "Blue"] },
      inStock: true,
    });
    expect(q).toBe(
      `'${categoryToken("fashion/shoes")}' & ('${attributeToken("color", "Red")}' | '${attributeToken("color", "Blue")}') & '${attributeToken("size", "42")}' & '${IN_STOCK_TOKEN}'`,
    );
    expect(filterTsQuery({ attributes: {} })).toBeNull();
  });

  it("never put buyer text into the tsquery", () => {
    const q = filterTsQuery({ categoryPath: "x' | 'y", attributes: { color: ["'); DROP TABLE x; --"] } })!;
    expect(q).toMatch(/^'_c[0-9a-f]{16}' & '_a[0-9a-f]{16}'$/);
  });
});

describe("the engine result cache", () => {
  const q: EngineQuery = {
    text: "lamp",
    groups: [[["lamp"]]],
    fuzzy: false,
    filters: { attributes: {} },
    sort: "relevance",
    window: { kind: "recall", limit: 10 },
    facets: true,
  };
  const engineAnswering = (totals: number[]) => {
    let calls = 0;
    const engine = {
      name: "postgres",
      query: async (): Promise<EngineResult> => ({
        candidates: [],
        total: totals[Math.min(calls++, totals.length - 1)],
        totalExact: true,
        facets: null,
      }),
    } as unknown as SearchEngine;
    return { engine, calls: () => calls };
  };

  it("answers a repeat from memory, but never caches an empty answer", async () => {
    clearEngineResultCache();
    const found = engineAnswering([3]);
    await cachedEngineQuery(found.engine, q);
    await cachedEngineQuery(found.engine, q);
    expect(found.calls()).toBe(1);
    clearEngineResultCache();
    const empty = engineAnswering([0, 1]);
    expect((await cachedEngineQuery(empty.engine, q)).total).toBe(0);
    expect((await cachedEngineQuery(empty.engine, q)).total).toBe(1);
    expect(empty.calls()).toBe(2);
  });
});
