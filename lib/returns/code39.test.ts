import { describe, expect, it } from "vitest";

import { CODE39_WIDE, code39Bars, code39Pattern } from "./code39";

describe("Code 39", () => {
  it("every character is nine elements, three of them wide, and no two are alike", () => {
    const chars = [..."0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%*"];
    const patterns = chars.map((c) => code39Pattern(c)!);
    for (const p of patterns) {
      expect(p).toMatch(/^[01]{9}$/);
      expect([...p].filter((b) => b === "1")).toHaveLength(3);
    }
    expect(new Set(patterns).size).toBe(chars.length);
  });

  it("frames the text with start/stop characters and a narrow gap between characters", () => {
    const { bars, width } = code39Bars("A");
    // *A*: three characters of 5 bars each; each character is 6 narrow + 3 wide modules wide.
    expect(bars).toHaveLength(15);
    expect(width).toBe(3 * (6 + 3 * CODE39_WIDE) + 2);
    expect(bars[0]).toEqual([0, 1]);
    const [x, w] = bars.at(-1)!;
    expect(x + w).toBe(width);
  });

  it("reads lower case as upper case and refuses what it can't carry", () => {
    expect(code39Bars("sim123")).toEqual(code39Bars("SIM123"));
    expect(() => code39Bars("A*B")).toThrow(/can't encode "\*"/);
    expect(() => code39Bars("é")).toThrow();
  });
});
