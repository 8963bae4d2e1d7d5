import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { lineTaxCents } from "@/lib/tax/line-tax";
import type { TaxQuote } from "@/lib/tax/tax-engine";

import type { PricedCheckout, PricedOrder } from "./price-lines";
import { taxPricedCheckout } from "./tax-priced-checkout";

const order = (sellerId: string, prices: number[], shippingCents: number): PricedOrder => {
  const subtotalCents = prices.reduce((s, p) => s + p, 0);
  return {
    sellerId,
    currency: "USD",
    subtotalCents,
    shippingCents,
    totalCents: subtotalCents + shippingCents,
    platformFeeCents: Math.round(subtotalCents / 10),
    taxCents: 0,
    shippingTaxCents: 0,
    taxInclusive: false,
    taxLabel: null,
    taxJurisdiction: null,
    handlingDays: { min: 1, max: 1 },
    transitDays: { min: 2, max: 4 },
    commissionBps: 1000,
    items: prices.map((p, i) => ({
      productId: `${sellerId}-${i}`,
      title: "x",
      quantity: 1,
      unitPriceCents: p,
      commissionBps: 1000,
      taxCategory: null,
      taxRateBps: 0,
      taxCents: 0,
      taxInclusive: false,
    })),
  };
};
const checkout = (orders: PricedOrder[]): PricedCheckout => ({
  currency: "EUR",
  totalCents: orders.reduce((s, o) => s + o.totalCents, 0),
  orders,
});
const quoteAt = (o: PricedOrder, rateBps: number, inclusive: boolean): TaxQuote => ({
  jurisdiction: inclusive ? "DE" : "US-CA",
  label: inclusive ? "VAT" : "Sales tax",
  lines: o.items.map((it) => ({ rateBps, inclusive, taxCents: lineTaxCents(it.unitPriceCents, rateBps, inclusive) })),
  shipping: { rateBps, inclusive, taxCents: lineTaxCents(o.shippingCents, rateBps, inclusive) },
});

describe("taxPricedCheckout", () => {
  it("inclusive VAT changes no total and takes commission on the price without VAT", () => {
    const o = order("a", [11_900], 595);
    const taxed = taxPricedCheckout(checkout([o]), [quoteAt(o, 1900, true)]);
    expect(taxed.totalCents).toBe(12_495);
    expect(taxed.orders[0]).toMatchObject({
      totalCents: 12_495,
      taxCents: 1_995,
      shippingTaxCents: 95,
      taxInclusive: true,
      taxLabel: "VAT",
      taxJurisdiction: "DE",
      platformFeeCents: 1_000, // 10% of €100.00, not of €119.00
    });
    expect(taxed.orders[0].items[0]).toMatchObject({ taxRateBps: 1900, taxCents: 1_900, taxInclusive: true });
  });

  it("exclusive sales tax is added to the order's total and the checkout's; commission stays on the price", () => {
    const o = order("a", [10_000, 1_999], 500);
    const taxed = taxPricedCheckout(checkout([o]), [quoteAt(o, 725, false)]);
    expect(taxed.orders[0]).toMatchObject({ taxCents: 725 + 145 + 36, totalCents: 12_499 + 906, taxInclusive: false });
    expect(taxed.orders[0].platformFeeCents).toBe(1_200);
    expect(taxed.totalCents).toBe(taxed.orders[0].totalCents);
  });

  it("whatever the lines, each order's tax is its lines' and shipping's, and the totals add up to the cent", () => {
    const prices = fc.array(fc.integer({ min: 1, max: 5_000_000 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(prices, fc.integer({ min: 0, max: 100_000 })), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.boolean(),
        (shops, rateBps, inclusive) => {
          const orders = shops.map(([p, ship], i) => order(`s${i}`, p, ship));
          const taxed = taxPricedCheckout(
            checkout(orders),
            orders.map((o) => quoteAt(o, rateBps, inclusive)),
          );
          for (const o of taxed.orders) {
            const lines = o.items.reduce((s, it) => s + it.taxCents, 0);
            expect(o.taxCents).toBe(lines + o.shippingTaxCents);
            expect(o.totalCents).toBe(o.subtotalCents + o.shippingCents + (inclusive ? 0 : o.taxCents));
            expect(o.platformFeeCents).toBeLessThanOrEqual(o.subtotalCents - (inclusive ? lines : 0));
          }
          expect(taxed.totalCents).toBe(taxed.orders.reduce((s, o) => s + o.totalCents, 0));
        },
      ),
    );
  });
});
