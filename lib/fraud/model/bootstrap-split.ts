// The simulator's data set for a seed, split the same way by training and by evaluation:
// the first 80% train the model, the last 20% are held out and only ever scored.
import { simulatePayments, type LabelledPayment } from "./payment-simulator";

export const BOOTSTRAP = { size: 10_000, fraudRate: 0.1, heldOutShare: 0.2 } as const;

export function bootstrapSplit(seed: number): { train: LabelledPayment[]; heldOut: LabelledPayment[] } {
  const all = simulatePayments(BOOTSTRAP.size, { seed, fraudRate: BOOTSTRAP.fraudRate });
  const cut = Math.round(all.length * (1 - BOOTSTRAP.heldOutShare));
  return { train: all.slice(0, cut), heldOut: all.slice(cut) };
}
