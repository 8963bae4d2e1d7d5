import { REVIEW_THRESHOLD } from "@/lib/fraud/checkout-risk";

import { confusionAt, precision, recall, rocAuc, type Confusion } from "./classifier-metrics";
import { scorePayment, type PaymentRiskModel } from "./payment-risk-model";
import type { LabelledPayment } from "./payment-simulator";
import { rulesScore } from "./rules-baseline";

export type Evaluation = {
  n: number;
  fraud: number;
  model: { auc: number; threshold: number; precision: number; recall: number; confusion: Confusion };
  rules: { auc: number; threshold: number; precision: number; recall: number; confusion: Confusion };
};

/** Both scorers on the same labelled payments: the model at its hold threshold, the rules at theirs. */
export function evaluateModel(model: PaymentRiskModel, set: readonly LabelledPayment[]): Evaluation {
  const labels = set.map((e) => e.fraud);
  const m = set.map((e) => scorePayment(model, e.facts).score);
  const r = set.map((e) => rulesScore(e.facts));
  const mc = confusionAt(m, labels, model.holdThreshold);
  const rc = confusionAt(r, labels, REVIEW_THRESHOLD);
  return {
    n: set.length,
    fraud: labels.filter(Boolean).length,
    model: {
      auc: rocAuc(m, labels),
      threshold: model.holdThreshold,
      precision: precision(mc),
      recall: recall(mc),
      confusion: mc,
    },
    rules: {
      auc: rocAuc(r, labels),
      threshold: REVIEW_THRESHOLD,
      precision: precision(rc),
      recall: recall(rc),
      confusion: rc,
    },
  };
}
