import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { convertCents, crossRate, parseRate, splitByWeights } from "./rate-math";

const TABLE = { EUR: "1", USD: "1.0512", GBP: "0.8297", CAD: "1.4731", AUD: "1.6208" };
const CURRENCIES = Object.keys(TABLE);
const currency = fc.constantFrom(...CURRENCIES);
const cents = fc.integer({ min: 0, max: 100_000_000 });
// Rates as the ECB prints them: up to 5 significant digits, between 0.01 and 9999.
const rateText = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 9999 }))
  .filter(([w, f]) => w > 0 || f >= 100)
  .map(([w, f]) => `${w}.${String(f).padStart(4, "0")}`);

describe("parseRate", () => {
  it("reads decimals exactly and refuses what is not a positive rate", () => {
    expect(parseRate("1.0512")).toEqual({ num: 10512n, den: 10000n });
    expect(parseRate("162")).toEqual({ num: 162n, den: 1n });
    for (const bad of ["", "0", "0.000", "-1.2", "1e3", "1,05", "abc", "1.123456789", "01.5"]) {
      expect(() => parseRate(bad), bad).toThrow(RangeError);
    }
  });
});

describe("convertCents", () => {
  it("is the identity within one currency and refuses an unknown one", () => {
    fc.assert(fc.property(cents, currency, (a, c) => convertCents(a, c, c, TABLE) === a));
    expect(() => convertCents(100, "USD", "XYZ", TABLE)).toThrow(/No exchange rate for XYZ/);
  });

  it("matches the exact rational result to within half a cent", () => {
    fc.assert(
      fc.property(cents, rateText, rateText, (a, fromRate, toRate) => {
        const table = { A: fromRate, B: toRate };
        const got = convertCents(a, "A", "B", table);
        const exact = (a * Number(toRate)) / Number(fromRate);
        // Float only in the check, with slack for its own error.
        expect(Math.abs(got - exact)).toBeLessThanOrEqual(0.5 + 1e-6 * Math.max(1, exact));
      }),
    );
  });

  it("is monotone: more in never converts to less out", () => {
    fc.assert(
      fc.property(cents, cents, currency, currency, (a, b, from, to) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(convertCents(lo, from, to, TABLE)).toBeLessThanOrEqual(convertCents(hi, from, to, TABLE));
      }),
    );
  });

  it("loses at most a cent's worth on a round trip, however many times it is repeated", () => {
    fc.assert(
      fc.property(cents, currency, currency, fc.integer({ min: 1, max: 20 }), (a, from, to, times) => {
        let amount = a;
        for (let i = 0; i < times; i++) amount = convertCents(convertCents(amount, from, to, TABLE), to, from, TABLE);
        // One rounding in `to` is worth at most half a `to` cent in `from`, plus the rounding back;
        // repeating does not drift, because a round trip's result is a fixed point after the first.
        const toCentInFrom = convertCents(100_000, to, from, TABLE) / 100_000;
        expect(Math.abs(amount - a)).toBeLessThanOrEqual(Math.ceil(0.5 * toCentInFrom + 0.5));
      }),
    );
  });
});

describe("crossRate", () => {
  it("prints the quotient of the two euro rates", () => {
    expect(crossRate("EUR", "USD", TABLE)).toBe("1.0512");
    expect(crossRate("USD", "EUR", TABLE)).toBe("0.95129376");
    expect(crossRate("USD", "GBP", TABLE, 4)).toBe("0.7893");
    expect(crossRate("GBP", "GBP", TABLE)).toBe("1");
  });
});

describe("splitByWeights", () => {
  it("splits a charge so the parts add up to it exactly, each within a cent of its share", () => {
    fc.assert(
      fc.property(
        cents,
        fc
          .array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 12 })
          .filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const parts = splitByWeights(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          const sum = weights.reduce((a, b) => a + b, 0);
          parts.forEach((p, i) => {
            expect(p).toBeGreaterThanOrEqual(0);
            expect(Math.abs(p - (total * weights[i]) / sum)).toBeLessThan(1 + 1e-9);
          });
        },
      ),
    );
  });

  it("refuses a total it cannot split", () => {
    expect(() => splitByWeights(100, [0, 0])).toThrow(RangeError);
    expect(() => splitByWeights(-1, [1])).toThrow(RangeError);
    expect(splitByWeights(0, [0, 0])).toEqual([0, 0]);
  });
});
