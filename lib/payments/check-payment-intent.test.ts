import { describe, expect, it } from "vitest";

import { paymentIntentMismatches } from "./check-payment-intent";

const checkout = { checkoutId: "c1", paymentIntentId: "pi_own", totalCents: 13_333, currency: "USD" };

describe("whether a succeeded PaymentIntent pays a checkout", () => {
  it("accepts the checkout's own PaymentIntent for its total in its currency", () => {
    expect(paymentIntentMismatches(checkout, { id: "pi_own", amount_received: 13_333, currency: "usd" })).toEqual({
      mismatches: [],
      detail: "",
    });
  });

  it("names every mismatch: another PaymentIntent, another amount, another currency", () => {
    expect(
      paymentIntentMismatches(checkout, { id: "pi_other", amount_received: 13_333, currency: "usd" }).mismatches,
    ).toEqual(["payment_intent"]);
    expect(
      paymentIntentMismatches(checkout, { id: "pi_own", amount_received: 13_332, currency: "usd" }).mismatches,
    ).toEqual(["amount"]);
    expect(
      paymentIntentMismatches(checkout, { id: "pi_own", amount_received: 13_333, currency: "eur" }).mismatches,
    ).toEqual(["currency"]);
    const all = paymentIntentMismatches(checkout, { id: "pi_x", amount_received: 1, currency: "eur" });
    expect(all.mismatches).toEqual(["payment_intent", "amount", "currency"]);
    expect(all.detail).toContain("received 1, the checkout's total is 13333");
  });

  it("a checkout with no PaymentIntent stored yet is paid by none", () => {
    expect(
      paymentIntentMismatches(
        { ...checkout, paymentIntentId: null },
        { id: "pi_own", amount_received: 13_333, currency: "usd" },
      ).mismatches,
    ).toEqual(["payment_intent"]);
  });
});
