// `npm run fraud:evaluate`: scores the held-out part of the model's own bootstrap set with the
// model in models/fraud/payment-risk.json and with the rules it replaces, and prints both.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

import { bootstrapSplit } from "@/lib/fraud/model/bootstrap-split";
import type { Confusion } from "@/lib/fraud/model/classifier-metrics";
import { evaluateModel } from "@/lib/fraud/model/evaluate-model";
import type { PaymentRiskModel } from "@/lib/fraud/model/payment-risk-model";

const model = JSON.parse(readFileSync(resolve("models/fraud/payment-risk.json"), "utf8")) as PaymentRiskModel;
const seed = Number(/seed (\d+)/.exec(model.trainedOn)?.[1]);
if (!Number.isSafeInteger(seed)) throw new Error(`Cannot tell the model's data set from "${model.trainedOn}".`);
const e = evaluateModel(model, bootstrapSplit(seed).heldOut);

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const matrix = (c: Confusion) =>
  [
    "                 held   not held",
    `  fraud       ${String(c.tp).padStart(6)} ${String(c.fn).padStart(10)}`,
    `  honest      ${String(c.fp).padStart(6)} ${String(c.tn).padStart(10)}`,
  ].join("\n");
console.log(`payment-risk v${model.version} (${model.trainedOn}, trained ${model.trainedAt})`);
console.log(`held-out set: ${e.n} payments, ${e.fraud} fraudulent\n`);
console.log(
  `model  ROC AUC ${e.model.auc.toFixed(3)}   at hold threshold ${e.model.threshold}: precision ${pct(e.model.precision)}, recall ${pct(e.model.recall)}`,
);
console.log(matrix(e.model.confusion));
console.log(
  `\nrules  ROC AUC ${e.rules.auc.toFixed(3)}   at hold threshold ${e.rules.threshold}: precision ${pct(e.rules.precision)}, recall ${pct(e.rules.recall)}`,
);
console.log(matrix(e.rules.confusion));
