import { describe, expect, it } from "vitest";

import { bootstrapSplit } from "./bootstrap-split";
import { confusionAt, rocAuc } from "./classifier-metrics";
import { evaluateModel } from "./evaluate-model";
import type { PaymentRiskFacts } from "./payment-features";
import { scorePayment, trainPaymentRiskModel } from "./payment-risk-model";
import { simulatePayments } from "./payment-simulator";

describe("rocAuc", () => {
  it("is 1 for a perfect ranking, 0.5 for ties, 0 for an inverted one", () => {
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [false, false, true, true])).toBe(1);
    expect(rocAuc([0.5, 0.5, 0.5, 0.5], [false, true, false, true])).toBe(0.5);
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [false, false, true, true])).toBe(0);
    // One fraud (0.6) below one honest (0.7) of 2 × 2 pairs.
    expect(rocAuc([0.1, 0.7, 0.6, 0.9], [false, false, true, true])).toBe(0.75);
    expect(() => rocAuc([0.1], [true])).toThrow(RangeError);
  });

  it("counts the confusion matrix at a threshold", () => {
    expect(confusionAt([10, 40, 60, 90], [false, true, false, true], 50)).toEqual({ tp: 1, fp: 1, tn: 1, fn: 1 });
  });
});

describe("the simulator", () => {
  it("is the same for the same seed and different for another", () => {
    expect(simulatePayments(50, { seed: 7 })).toEqual(simulatePayments(50, { seed: 7 }));
    expect(simulatePayments(50, { seed: 8 })).not.toEqual(simulatePayments(50, { seed: 7 }));
    const share = simulatePayments(5000, { seed: 9, fraudRate: 0.1 }).filter((p) => p.fraud).length / 5000;
    expect(share).toBeGreaterThan(0.08);
    expect(share).toBeLessThan(0.12);
  });
});

describe("the payment-risk model", () => {
  // A smaller set than fraud:train's, so the unit tier stays quick; the bar is the issue's.
  const { train, heldOut } = bootstrapSplit(424242);
  const model = trainPaymentRiskModel(train.slice(0, 3000), {
    version: 1,
    trainedOn: "simulator seed 424242",
    steps: 600,
  });

  it("separates held-out fraud from honest payments (ROC AUC ≥ 0.9) far better than the rules", () => {
    const e = evaluateModel(model, heldOut);
    expect(e.model.auc).toBeGreaterThanOrEqual(0.9);
    expect(e.model.auc).toBeGreaterThan(e.rules.auc + 0.1);
    expect(e.model.recall).toBeGreaterThan(e.rules.recall);
  });

  it("explains a score by its strongest features, in words", () => {
    const cardTesting: PaymentRiskFacts = {
      accountAgeHours: 2,
      amountCents: 900,
      buyerMedianCents: null,
      completedOrders: 0,
      checkoutsLastHour: 8,
      failedPaymentsLast24h: 14,
      cardCountry: "GB",
      ipCountry: "US",
      shippingCountry: "US",
      cardFunding: "prepaid",
      forwarderAddress: false,
      otherAccountsAtAddress: 0,
      linkedAccounts: 0,
      linkedSuspended: 0,
      recentDisputesOrRefunds: 0,
      sellerAgeDays: 500,
      sellerDisputeRate: 0.002,
    };
    const regular: PaymentRiskFacts = {
      ...cardTesting,
      accountAgeHours: 24 * 400,
      completedOrders: 6,
      buyerMedianCents: 4000,
      amountCents: 3800,
      checkoutsLastHour: 1,
      failedPaymentsLast24h: 0,
      cardCountry: "US",
      cardFunding: "debit",
    };
    const held = scorePayment(model, cardTesting);
    expect(held.score).toBeGreaterThanOrEqual(model.holdThreshold);
    expect(scorePayment(model, regular).score).toBeLessThan(model.holdThreshold);
    const words = held.contributions.slice(0, 4).map((c) => c.words);
    expect(words).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/failed payments in the last 24 hours|checkouts in the last hour/),
      ]),
    );
    expect(held.contributions.every((c, i, all) => i === 0 || all[i - 1].contribution >= c.contribution)).toBe(true);
  });

  it("refuses to score with a model trained on other features", () => {
    expect(() => scorePayment({ ...model, features: ["account_age"] }, heldOut[0].facts)).toThrow(/fraud:train/);
  });
});
