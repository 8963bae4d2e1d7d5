import type { Tx } from "@/lib/db/client";

import { buyerAccount, ESCROW } from "./accounts";
import { postEntries } from "./post-entries";
import type { Posting } from "./posting";

export type RefundBeforeReleaseInput = {
  orderId: string;
  buyerId: string;
  currency: string;
  amountCents: number;
  refundKey: string;
};

/** A refund while the money is still held: it leaves escrow straight back to the buyer. */
export function refundBeforeReleaseRule(o: RefundBeforeReleaseInput): Posting {
  return {
    orderId: o.orderId,
    currency: o.currency,
    movements: [
      {
        debit: ESCROW,
        credit: buyerAccount(o.buyerId),
        amountCents: o.amountCents,
        entryType: "refund",
        reference: o.refundKey,
      },
    ],
  };
}

export function postRefundBeforeRelease(tx: Tx, o: RefundBeforeReleaseInput) {
  return postEntries(tx, refundBeforeReleaseRule(o));
}
