import { describe, expect, it } from "vitest";

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
