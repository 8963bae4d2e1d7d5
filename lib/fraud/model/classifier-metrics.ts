// How well scores separate fraud from honest payments, for `fraud:evaluate` and the tests.

/** ROC AUC: the chance a random fraudulent payment scores above a random honest one (ties count half). */
export function rocAuc(scores: readonly number[], labels: readonly boolean[]): number {
  const idx = scores.map((s, i) => ({ s, y: labels[i] })).sort((a, b) => a.s - b.s);
  // Mann–Whitney U with average ranks for ties.
  let rankSumPos = 0;
  let pos = 0;
  let i = 0;
  while (i < idx.length) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1].s === idx[i].s) j++;
    const avgRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (idx[k].y) {
        rankSumPos += avgRank;
        pos++;
      }
    }
    i = j + 1;
  }
  const neg = idx.length - pos;
  if (pos === 0 || neg === 0) throw new RangeError("AUC needs both classes.");
  return (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}

export type Confusion = { tp: number; fp: number; tn: number; fn: number };

/** Holding every payment scoring at or above `threshold`. */
export function confusionAt(scores: readonly number[], labels: readonly boolean[], threshold: number): Confusion {
  const c = { tp: 0, fp: 0, tn: 0, fn: 0 };
  scores.forEach((s, i) => {
    const held = s >= threshold;
    if (held && labels[i]) c.tp++;
    else if (held) c.fp++;
    else if (labels[i]) c.fn++;
    else c.tn++;
  });
  return c;
}

export const precision = (c: Confusion) => (c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp));
export const recall = (c: Confusion) => (c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn));

/** The threshold with the best F1 among the scores seen (ties: the higher threshold, fewer holds). */
export function bestF1Threshold(scores: readonly number[], labels: readonly boolean[]): number {
  let best = { t: Infinity, f1: -1 };
  for (const t of [...new Set(scores)].sort((a, b) => b - a)) {
    const c = confusionAt(scores, labels, t);
    const p = precision(c);
    const r = recall(c);
    const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
    if (f1 > best.f1) best = { t, f1 };
  }
  return best.t;
}
