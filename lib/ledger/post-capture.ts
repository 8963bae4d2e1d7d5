import type { Tx } from "@/lib/db/client";

import { buyerAccount, ESCROW, TAX_PAYABLE } from "./accounts";
import { postEntries } from "./post-entries";
import type { Posting } from "./posting";

export type CaptureInput = {
  orderId: string;
  buyerId: string;
  totalCents: number;
  /** The order's tax (inside or on top of its prices): part of totalCents either way. */
  taxCents: number;
  currency: string;
};

/**
 * A paid order's total moves from the buyer into escrow, where it is held until release or
 * refund; its tax moves on at once to the platform's tax payable, in the same transaction.
 */
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
      { debit: ESCROW, credit: TAX_PAYABLE, amountCents: o.taxCents, entryType: "tax", reference: `tax:${o.orderId}` },
    ],
  };
}

export function postCapture(tx: Tx, o: CaptureInput) {
  return postEntries(tx, captureRule(o));
}
