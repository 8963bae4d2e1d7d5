import type { Tx } from "@/lib/db/client";

import { buyerAccount, ESCROW } from "./accounts";
import { postEntries } from "./post-entries";
import type { Posting } from "./posting";

export type CaptureInput = { orderId: string; buyerId: string; totalCents: number; currency: string };

/** A paid order's total moves from the buyer into escrow, where it is held until release or refund. */
export function captureRule(o: CaptureInput): Posting {
  return {
    orderId: o.orderId,
    currency: o.currency,
    movements: [
      {
        debit: buyerAccount(o.buyerId),
        credit: ESCROW,
        amountCents: o.totalCents,
        entryType: "capture",
        reference: `capture:${o.orderId}`,
      },
    ],
  };
}

export function postCapture(tx: Tx, o: CaptureInput) {
  return postEntries(tx, captureRule(o));
}
