import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { lineTaxCents } from "./line-tax";
import { pickTaxRule, quoteTaxFromRules, type TaxRuleForQuote } from "./rules-tax-engine";

const cents = fc.integer({ min: 0, max: 50_000_000 });
const rate = fc.integer({ min: 0, max: 10_000 });

describe("lineTaxCents", () => {
  it("takes VAT out of a price that contains it, and adds sales tax to one that does not", () => {
    expect(lineTaxCents(11_900, 1900, true)).toBe(1_900); // €119.00 incl. 19% VAT: €19.00 of it
    expect(lineTaxCents(1_000, 1900, true)).toBe(160); // 159.66 rounds up
    expect(lineTaxCents(10_000, 725, false)).toBe(725);
    expect(lineTaxCents(1_999, 625, false)).toBe(125); // 124.94 rounds up
    expect(lineTaxCents(0, 1900, true)).toBe(0);
    expect(lineTaxCents(5_000, 0, false)).toBe(0);
  });

  it("inclusive round trip: the net price plus its tax at the same rate is the price again, within a cent", () => {
    fc.assert(
      fc.property(cents, rate, (gross, r) => {
        const tax = lineTaxCents(gross, r, true);
        const net = gross - tax;
        expect(tax).toBeGreaterThanOrEqual(0);
        expect(tax).toBeLessThanOrEqual(gross);
        expect(Math.abs(net + lineTaxCents(net, r, false) - gross)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("exclusive round trip: the tax taken back out of price plus tax is the tax, within a cent", () => {
    fc.assert(
      fc.property(cents, rate, (net, r) => {
        const tax = lineTaxCents(net, r, false);
        expect(Math.abs(lineTaxCents(net + tax, r, true) - tax)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("rounds each line once: every line is within half a cent of the exact tax, and the lines add up to the order's tax", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(cents, rate, fc.boolean()), { minLength: 1, maxLength: 20 }), (lines) => {
        let sum = 0;
        let exact = 0;
        for (const [amount, r, inclusive] of lines) {
          const tax = lineTaxCents(amount, r, inclusive);
          const real = inclusive ? (amount * r) / (10_000 + r) : (amount * r) / 10_000;
          expect(Math.abs(tax - real)).toBeLessThanOrEqual(0.5 + 1e-6);
          sum += tax;
          exact += real;
        }
        expect(Number.isInteger(sum)).toBe(true);
        expect(Math.abs(sum - exact)).toBeLessThanOrEqual(lines.length / 2 + 1e-6);
      }),
    );
  });
});

const rule = (over: Partial<TaxRuleForQuote>): TaxRuleForQuote => ({
  country: "DE",
  region: null,
  category: null,
  rateBps: 1900,
  inclusive: true,
  label: "VAT",
  validFrom: new Date("2026-01-01"),
  validTo: null,
  ...over,
});
const rules = [
  rule({}),
  rule({ category: "books", rateBps: 700 }),
  rule({ rateBps: 1600, validFrom: new Date("2020-07-01"), validTo: new Date("2021-01-01") }),
  rule({ country: "US", region: "CA", rateBps: 725, inclusive: false, label: "Sales tax" }),
];
const at = new Date("2026-06-01T12:00:00Z");

describe("the built-in rules engine", () => {
  it("picks the category's rule before the default, the region's before the country's, and only rules valid that day", () => {
    expect(pickTaxRule(rules, { country: "DE" }, "books", at)?.rateBps).toBe(700);
    expect(pickTaxRule(rules, { country: "de" }, "toys-games", at)?.rateBps).toBe(1900);
    expect(pickTaxRule(rules, { country: "DE" }, null, new Date("2020-09-01"))?.rateBps).toBe(1600);
    expect(pickTaxRule(rules, { country: "DE" }, null, new Date("2021-06-01"))).toBeNull();
    expect(pickTaxRule(rules, { country: "US", region: "ca" }, null, at)?.rateBps).toBe(725);
    expect(pickTaxRule(rules, { country: "US", region: "OR" }, null, at)).toBeNull();
    expect(pickTaxRule(rules, { country: "US" }, null, at)).toBeNull();
    expect(pickTaxRule(rules, { country: "JP" }, null, at)).toBeNull();
  });

  it("quotes each line at its own rate and shipping at the default rate, naming the jurisdiction", () => {
    const q = quoteTaxFromRules(rules, {
      buyerAddress: { country: "DE", region: "BE" },
      at,
      lines: [
        { category: "books", amountCents: 2_140, currency: "EUR" },
        { category: "fashion", amountCents: 5_950, currency: "EUR" },
      ],
      shipping: { amountCents: 595, currency: "EUR" },
    });
    expect(q).toEqual({
      jurisdiction: "DE",
      label: "VAT",
      lines: [
        { rateBps: 700, taxCents: 140, inclusive: true },
        { rateBps: 1900, taxCents: 950, inclusive: true },
      ],
      shipping: { rateBps: 1900, taxCents: 95, inclusive: true },
    });
    const none = quoteTaxFromRules(rules, {
      buyerAddress: { country: "US" },
      at,
      lines: [{ category: null, amountCents: 1_000, currency: "USD" }],
    });
    expect(none).toEqual({
      jurisdiction: null,
      label: null,
      lines: [{ rateBps: 0, taxCents: 0, inclusive: false }],
      shipping: null,
    });
  });
});
