import { describe, expect, it } from "vitest";

import { categoryTrail } from "./category-trail";

const all = [
  { name: "Home & Kitchen", path: "home-kitchen" },
  { name: "Cookware", path: "home-kitchen/cookware" },
  { name: "Cast-iron pans", path: "home-kitchen/cookware/cast-iron" },
];

describe("a category's breadcrumb trail", () => {
  it("names every level by its category name, not its slug", () => {
    expect(categoryTrail(all, "home-kitchen/cookware/cast-iron")).toEqual([
      { name: "Home & Kitchen", path: "home-kitchen" },
      { name: "Cookware", path: "home-kitchen/cookware" },
      { name: "Cast-iron pans", path: "home-kitchen/cookware/cast-iron" },
    ]);
  });

  it("leaves out a level that no longer exists", () => {
    expect(categoryTrail(all, "home-kitchen/gone")).toEqual([{ name: "Home & Kitchen", path: "home-kitchen" }]);
  });
});
