import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  addressKey,
  checkoutRiskScore,
  checkoutRiskSignals,
  REVIEW_THRESHOLD,
  type CheckoutRiskFacts,
} from "./checkout-risk";

const clean: CheckoutRiskFacts = {
  accountAgeHours: 24 * 400,
  totalCents: 4_999,
  checkoutsLastHour: 1,
  failedPaymentsLast24h: 0,
  otherAccountsAtAddress: 0,
  shippingLine1: "12 Harbour Road",
  shippingLine2: null,
  recentDisputesOrRefunds: 0,
  completedOrders: 0,
};
const score = (f: Partial<CheckoutRiskFacts>) => {
  const facts = { ...clean, ...f };
  return checkoutRiskScore(checkoutRiskSignals(facts), facts.completedOrders);
};

describe("checkout risk rules", () => {
  it("an ordinary checkout scores 0 and no rule fires", () => {
    expect(checkoutRiskSignals(clean)).toEqual([]);
    expect(score({})).toBe(0);
  });

  it("declines with three different cards are card testing, held with the failed-payment rule; two cards are not", () => {
    expect(score({ failedPaymentsLast24h: 2, failedCardsLast24h: 2 })).toBe(0);
    expect(score({ failedPaymentsLast24h: 3, failedCardsLast24h: 3 })).toBeGreaterThanOrEqual(REVIEW_THRESHOLD);
    expect(
      checkoutRiskSignals({ ...clean, failedPaymentsLast24h: 3, failedCardsLast24h: 3 }).map((s) => s.message),
    ).toEqual(["3 failed payments in the last 24 hours", "3 different cards declined in the last 24 hours"]);
  });

  it("a brand-new account sending $600 to a parcel forwarder is held; either alone is not", () => {
    expect(score({ accountAgeHours: 2, totalCents: 60_000 })).toBe(60);
    expect(score({ shippingLine1: "Shipito, 1 Warehouse Way", shippingLine2: "Suite 4411" })).toBe(45);
    expect(score({ accountAgeHours: 2, totalCents: 60_000, shippingLine2: "c/o MyUS suite 91" })).toBe(78);
    expect(
      score({ accountAgeHours: 2, totalCents: 60_000, shippingLine2: "c/o MyUS suite 91" }),
    ).toBeGreaterThanOrEqual(REVIEW_THRESHOLD);
  });

  it("card testing, velocity, shared addresses and a dispute history each add up", () => {
    expect(
      checkoutRiskSignals({
        ...clean,
        failedPaymentsLast24h: 3,
        checkoutsLastHour: 5,
        otherAccountsAtAddress: 2,
        recentDisputesOrRefunds: 2,
      }).map((s) => s.kind),
    ).toEqual(["checkout.velocity", "checkout.card_testing", "checkout.shared_address", "checkout.dispute_history"]);
    expect(score({ failedPaymentsLast24h: 3, otherAccountsAtAddress: 2 })).toBe(75);
    expect(score({ checkoutsLastHour: 3 })).toBe(25);
  });

  it("a buyer with completed orders earns up to 30 points of trust", () => {
    expect(score({ accountAgeHours: 2, totalCents: 60_000, shippingLine2: "MyUS", completedOrders: 1 })).toBe(68);
    expect(score({ failedPaymentsLast24h: 3, completedOrders: 9 })).toBe(15);
  });

  it("the score stays within 0..100 and never drops when another rule fires", () => {
    const facts = fc.record({
      accountAgeHours: fc.double({ min: 0, max: 10_000, noNaN: true }),
      totalCents: fc.integer({ min: 1, max: 10_000_000 }),
      checkoutsLastHour: fc.integer({ min: 1, max: 50 }),
      failedPaymentsLast24h: fc.integer({ min: 0, max: 50 }),
      otherAccountsAtAddress: fc.integer({ min: 0, max: 50 }),
      shippingLine1: fc.constantFrom("1 Main St", "Stackry 55 Forwarder Ave"),
      shippingLine2: fc.constant(null),
      recentDisputesOrRefunds: fc.integer({ min: 0, max: 10 }),
      completedOrders: fc.integer({ min: 0, max: 20 }),
    });
    fc.assert(
      fc.property(facts, (f) => {
        const signals = checkoutRiskSignals(f);
        const s = checkoutRiskScore(signals, f.completedOrders);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(100);
        for (let i = 0; i < signals.length; i++)
          expect(
            checkoutRiskScore(
              signals.filter((_, j) => j !== i),
              f.completedOrders,
            ),
          ).toBeLessThanOrEqual(s);
      }),
    );
  });

  it("addresses compare without case, spacing or punctuation", () => {
    expect(addressKey("12  Harbour Rd.", "sw1a 1aa")).toEqual(addressKey("12 harbour rd", "SW1A1AA"));
  });
});
