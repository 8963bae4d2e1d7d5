// The payment-risk model: logistic regression over the documented features (payment-features.ts).
// Chosen over gradient-boosted trees because each score decomposes exactly into one additive
// contribution per feature (weight × standardised value), which is what an admin deciding a
// held payment is shown, in words; and because it trains in seconds from a few thousand
// labelled payments. Fitted with ml-logistic-regression (batch gradient ascent) on features
// standardised to mean 0 and deviation 1, with a constant column for the intercept.
import LogisticRegression from "ml-logistic-regression";
import { Matrix } from "ml-matrix";

import { bestF1Threshold } from "./classifier-metrics";
import { featureVector, PAYMENT_FEATURES, type PaymentRiskFacts } from "./payment-features";

export type PaymentRiskModel = {
  kind: "payment-risk-logistic";
  version: number;
  trainedAt: string;
  /** Where the labelled payments came from (the simulator's seed, platform outcomes). */
  trainedOn: string;
  features: string[];
  means: number[];
  stds: number[];
  /** One weight per feature, then the intercept. */
  weights: number[];
  intercept: number;
  /** Scores (0..100) at or above it are held for review. */
  holdThreshold: number;
};

export type Contribution = { feature: string; contribution: number; words: string };
export type PaymentRiskScore = { score: number; probability: number; contributions: Contribution[] };

const YES_NO_FEATURES = new Set([
  "no_history",
  "card_ip_country_mismatch",
  "card_shipping_country_mismatch",
  "prepaid_card",
  "forwarder_address",
  "linked_suspended",
]);

function standardiser(rows: number[][]) {
  const d = rows[0].length;
  const means = Array.from({ length: d }, (_, j) => rows.reduce((a, r) => a + r[j], 0) / rows.length);
  const stds = Array.from({ length: d }, (_, j) => {
    const v = rows.reduce((a, r) => a + (r[j] - means[j]) ** 2, 0) / rows.length;
    return Math.sqrt(v) || 1;
  });
  return { means, stds };
}

export function trainPaymentRiskModel(
  examples: readonly { facts: PaymentRiskFacts; fraud: boolean }[],
  opts: { version: number; trainedOn: string; steps?: number },
): PaymentRiskModel {
  const raw = examples.map((e) => featureVector(e.facts));
  const { means, stds } = standardiser(raw);
  const X = new Matrix(raw.map((r) => [...r.map((x, j) => (x - means[j]) / stds[j]), 1]));
  const y = Matrix.columnVector(examples.map((e) => (e.fraud ? 1 : 0)));
  // The library's gradient is a sum over rows: scale the step by the row count.
  const lr = new LogisticRegression({ numSteps: opts.steps ?? 1500, learningRate: 1 / examples.length });
  lr.train(X, y);
  // Its one-vs-rest classifier 0 is trained on "not class 0", i.e. on fraud = 1.
  const w = lr.classifiers[0].weights.to1DArray();
  const model: PaymentRiskModel = {
    kind: "payment-risk-logistic",
    version: opts.version,
    trainedAt: new Date().toISOString(),
    trainedOn: opts.trainedOn,
    features: PAYMENT_FEATURES.map((f) => f.name),
    means,
    stds,
    weights: w.slice(0, -1),
    intercept: w[w.length - 1],
    holdThreshold: 100,
  };
  const scores = examples.map((e) => scorePayment(model, e.facts).score);
  model.holdThreshold = bestF1Threshold(
    scores,
    examples.map((e) => e.fraud),
  );
  return model;
}

/** The model's score for one payment, 0..100, with each feature's push in words, strongest first. */
export function scorePayment(model: PaymentRiskModel, facts: PaymentRiskFacts): PaymentRiskScore {
  if (model.features.join() !== PAYMENT_FEATURES.map((f) => f.name).join())
    throw new Error(`The model (v${model.version}) was trained on other features; run npm run fraud:train.`);
  const x = featureVector(facts);
  const parts = x.map((v, j) => model.weights[j] * ((v - model.means[j]) / model.stds[j]));
  const logit = model.intercept + parts.reduce((a, b) => a + b, 0);
  const probability = 1 / (1 + Math.exp(-logit));
  // A yes/no feature that is "no" may still push the score up (its absence is rarer among the
  // honest), but "No order kept before" for a buyer with orders would mislead: it is left out.
  const contributions = parts
    .map((c, j) => ({
      feature: PAYMENT_FEATURES[j].name,
      contribution: c,
      words: PAYMENT_FEATURES[j].words(facts),
      x: x[j],
    }))
    .filter((c) => c.contribution > 0.05 && !(c.x === 0 && YES_NO_FEATURES.has(c.feature)))
    .map(({ x: _x, ...c }) => c)
    .sort((a, b) => b.contribution - a.contribution);
  return { score: Math.round(probability * 1000) / 10, probability, contributions };
}
