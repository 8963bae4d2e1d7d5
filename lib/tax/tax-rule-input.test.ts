import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { zRatePercent } from "./tax-rule-input";

describe("a tax rate typed in percent", () => {
  it("reads any rate with up to two decimals as exact basis points, never through a float", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (bps) => {
        const typed = `${Math.floor(bps / 100)}.${String(bps % 100).padStart(2, "0")}`;
        expect(zRatePercent.parse(typed)).toBe(bps);
        // Trailing zeros dropped, as people type it: 19.50 → "19.5", 19.00 → "19".
        expect(zRatePercent.parse(typed.replace(/\.?0+$/, "") || "0")).toBe(bps);
      }),
    );
    expect(zRatePercent.parse(" 8.1 ")).toBe(810);
  });

  it("refuses negative, over 100%, more than two decimals and words", () => {
    for (const bad of ["-1", "100.01", "7.125", "7,25", "1e2", "", "nineteen"])
      expect(zRatePercent.safeParse(bad).success, bad).toBe(false);
  });
});
