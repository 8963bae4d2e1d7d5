// `npm run fraud:train [-- --seed N]`: trains the payment-risk model on the simulator's
// bootstrap set (lib/fraud/model/payment-simulator.ts) and writes the next version to
// models/fraud/payment-risk.json, with its held-out evaluation beside it.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";

import { bootstrapSplit } from "@/lib/fraud/model/bootstrap-split";
import { evaluateModel } from "@/lib/fraud/model/evaluate-model";
import { trainPaymentRiskModel, type PaymentRiskModel } from "@/lib/fraud/model/payment-risk-model";

export const MODEL_FILE = resolve("models/fraud/payment-risk.json");

const { values } = parseArgs({ options: { seed: { type: "string", default: "20261203" } } });
const seed = Number(values.seed);
if (!Number.isSafeInteger(seed)) throw new Error("--seed must be a whole number");

const previous = existsSync(MODEL_FILE) ? (JSON.parse(readFileSync(MODEL_FILE, "utf8")) as PaymentRiskModel) : null;
const { train, heldOut } = bootstrapSplit(seed);
const started = Date.now();
const model = trainPaymentRiskModel(train, {
  version: (previous?.version ?? 0) + 1,
  trainedOn: `simulator seed ${seed}`,
});
const evaluation = evaluateModel(model, heldOut);
writeFileSync(MODEL_FILE, `${JSON.stringify({ ...model, evaluation }, null, 2)}\n`);
console.log(
  `payment-risk v${model.version}: trained on ${train.length} payments in ${((Date.now() - started) / 1000).toFixed(1)} s; held-out ROC AUC ${evaluation.model.auc.toFixed(3)} (rules ${evaluation.rules.auc.toFixed(3)}); hold at ${model.holdThreshold}. Wrote ${MODEL_FILE}`,
);
