import fc from "fast-check";
import { describe, expect, it } from "vitest";

import type { PricedCheckout, PricedOrder } from "@/lib/orders/price-lines";
import { fxAccountShare, planChargeRefund } from "@/lib/payments/plan-charge-refund";

import { convertCheckout, type RateSnapshot } from "./convert-checkout";
import { convertCents } from "./rate-math";

const SNAPSHOT: RateSnapshot = {
  rates: { EUR: "1", USD: "1.0512", GBP: "0.8297", CAD: "1.4800", AUD: "1.6300" },
  meta: {
    EUR: { source: "ecb", asOf: "2026-12-02" },
    USD: { source: "ecb", asOf: "2026-12-02" },
    GBP: { source: "admin", asOf: "2026-12-03" },
    CAD: { source: "ecb", asOf: "2026-12-01" },
    AUD: { source: "ecb", asOf: "2026-12-02" },
  },
};
const CURRENCIES = ["EUR", "USD", "GBP", "CAD", "AUD"];

function order(
  i: number,
  currency: string,
  subtotal: number,
  shipping: number,
  tax: number,
  added: boolean,
): PricedOrder {
  return {
    sellerId: `s${i}`,
    currency,
    subtotalCents: subtotal,
    shippingCents: shipping,
    totalCents: subtotal + shipping + (added ? tax : 0),
    platformFeeCents: Math.floor(subtotal / 10),
    taxCents: tax,
    shippingTaxCents: 0,
    taxInclusive: !added && tax > 0,
    taxLabel: null,
    taxJurisdiction: null,
    handlingDays: { min: 1, max: 1 },
    transitDays: { min: 1, max: 1 },
    commissionBps: 1000,
    items: [],
  };
}

const arbOrder = fc
  .record({
    currency: fc.constantFrom(...CURRENCIES),
    subtotal: fc.integer({ min: 1, max: 5_000_000 }),
    shipping: fc.integer({ min: 0, max: 10_000 }),
    taxPct: fc.integer({ min: 0, max: 25 }),
    added: fc.boolean(),
  })
  .map((o) => ({ ...o, tax: Math.floor((o.subtotal * o.taxPct) / 100) }));

describe("convertCheckout", () => {
  it("charges exactly the orders' sum; each converted order within a cent of its own conversion, its parts adding up", () => {
    fc.assert(
      fc.property(fc.array(arbOrder, { minLength: 1, maxLength: 8 }), fc.constantFrom(...CURRENCIES), (os, to) => {
        const orders = os.map((o, i) => order(i, o.currency, o.subtotal, o.shipping, o.tax, o.added));
        const priced: PricedCheckout = {
          currency: to,
          totalCents: orders.reduce((s, o) => s + o.totalCents, 0),
          orders,
        };
        const { priced: out, lock } = convertCheckout(priced, SNAPSHOT, new Date("2026-12-04T12:00:00Z"));
        expect(out.totalCents).toBe(out.orders.reduce((s, o) => s + (o.charge?.totalCents ?? o.totalCents), 0));
        expect(lock === null).toBe(os.every((o) => o.currency === to));
        for (const o of out.orders) {
          if (o.currency === to) {
            expect(o.charge).toBeUndefined();
            continue;
          }
          const c = o.charge!;
          const alone = convertCents(o.totalCents, o.currency, to, SNAPSHOT.rates);
          expect(c.fxDifferenceCents).toBe(c.totalCents - alone);
          expect(Math.abs(c.fxDifferenceCents)).toBeLessThanOrEqual(1);
          expect(
            c.subtotalCents + c.shippingCents + (o.totalCents - o.subtotalCents - o.shippingCents > 0 ? c.taxCents : 0),
          ).toBe(c.totalCents);
          expect(c.taxCents).toBeLessThanOrEqual(c.totalCents);
        }
        // The converted orders' charges together: their exact value, rounded once.
        const converted = out.orders.filter((o) => o.charge);
        if (converted.length) {
          const exact = converted.reduce(
            (s, o) => s + convertCents(o.totalCents * 10_000, o.currency, to, SNAPSHOT.rates),
            0,
          );
          expect(converted.reduce((s, o) => s + o.charge!.totalCents, 0)).toBe(Math.floor((exact + 5_000) / 10_000));
        }
      }),
    );
  });

  it("locks one rate per shop currency with its source and the older leg's day", () => {
    const priced: PricedCheckout = {
      currency: "EUR",
      totalCents: 0,
      orders: [
        order(1, "GBP", 1_000, 0, 0, false),
        order(2, "USD", 1_000, 0, 0, false),
        order(3, "EUR", 500, 0, 0, false),
      ],
    };
    const { lock } = convertCheckout(priced, SNAPSHOT, new Date("2026-12-04T12:00:00Z"));
    expect(lock).toEqual({
      lockedAt: "2026-12-04T12:00:00.000Z",
      rates: [
        { from: "GBP", to: "EUR", rate: "1.20525491", source: "admin+ecb", asOf: "2026-12-02" },
        { from: "USD", to: "EUR", rate: "0.95129376", source: "ecb", asOf: "2026-12-02" },
      ],
    });
  });
});

describe("refunds of a converted order", () => {
  it("give back the whole charge and its tax over any sequence of partial refunds, never more", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 30 }),
        fc.constantFrom("USD", "GBP", "CAD"),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 6 }),
        (total, taxPct, from, parts) => {
          const tax = Math.floor((total * taxPct) / 130);
          const chargeTotal = convertCents(total, from, "EUR", SNAPSHOT.rates) + 1;
          const o = {
            currency: "EUR",
            totalCents: total,
            taxCents: tax,
            chargeTotalCents: chargeTotal,
            chargeTaxCents: Math.min(chargeTotal, convertCents(tax, from, "EUR", SNAPSHOT.rates)),
            fxDifferenceCents: 1,
          };
          const weights = parts.map((p) => p);
          const sum = weights.reduce((a, b) => a + b, 0);
          let done = { cents: 0, taxCents: 0, chargeCents: 0, chargeTaxCents: 0 };
          let fxTotal = 0;
          weights.forEach((w, i) => {
            const last = i === weights.length - 1;
            const amount = last ? total - done.cents : Math.floor((total * w) / sum);
            const taxPart = last ? tax - done.taxCents : Math.floor((tax * w) / sum);
            const c = planChargeRefund(o, done, { amountCents: amount, taxCents: taxPart });
            expect(c.chargeAmountCents).toBeGreaterThanOrEqual(0);
            expect(c.chargeTaxCents).toBeLessThanOrEqual(c.chargeAmountCents);
            fxTotal += fxAccountShare(o, done.cents, done.cents + amount);
            done = {
              cents: done.cents + amount,
              taxCents: done.taxCents + taxPart,
              chargeCents: done.chargeCents + c.chargeAmountCents,
              chargeTaxCents: done.chargeTaxCents + c.chargeTaxCents,
            };
            expect(done.chargeCents).toBeLessThanOrEqual(chargeTotal);
          });
          expect(done.chargeCents).toBe(chargeTotal);
          expect(done.chargeTaxCents).toBe(o.chargeTaxCents);
          expect(fxTotal).toBe(chargeTotal - 1);
        },
      ),
    );
  });
});
