import { describe, expect, it } from "vitest";

import { parseMoneyInput } from "./parse-money";

describe("parseMoneyInput", () => {
  it("reads major units with up to two decimals, either separator, as integer cents", () => {
    expect(parseMoneyInput("12.50")).toBe(1_250);
    expect(parseMoneyInput("12,5")).toBe(1_250);
    expect(parseMoneyInput(" 7 ")).toBe(700);
    expect(parseMoneyInput("0.01")).toBe(1);
    expect(parseMoneyInput("")).toBeNull();
    expect(parseMoneyInput(null)).toBeNull();
  });
  it("refuses anything else", () => {
    for (const bad of ["-1", "1.234", "abc", "1e3", "12.", "99999999"])
      expect(() => parseMoneyInput(bad)).toThrow(/12.50/);
  });
});
