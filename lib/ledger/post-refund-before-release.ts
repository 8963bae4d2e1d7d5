import type { Tx } from "@/lib/db/client";

import { buyerAccount, ESCROW, TAX_PAYABLE } from "./accounts";
import { postEntries } from "./post-entries";
import type { Posting } from "./posting";

export type RefundBeforeReleaseInput = {
  orderId: string;
  buyerId: string;
  currency: string;
  amountCents: number;
  /** The tax part of amountCents: it comes back from the tax payable, the rest from escrow. */
  taxCents: number;
  refundKey: string;
  /**
   * Who the refund goes to in the order's currency: the buyer, or, when they paid in another
   * currency, the pair's FX account (which pays them in theirs: fxRefundRule).
   */
  payee?: string;
};

/**
 * A refund while the money is still held: it leaves escrow straight back to the buyer, and its
 * tax share leaves the tax payable (both entries are refunds, under the refund's key).
 */
export function refundBeforeReleaseRule(o: RefundBeforeReleaseInput): Posting {
  return {
    orderId: o.orderId,
    currency: o.currency,
    movements: [
      {
        debit: ESCROW,
        credit: o.payee ?? buyerAccount(o.buyerId),
        amountCents: o.amountCents - o.taxCents,
        entryType: "refund",
        reference: o.refundKey,
      },
      {
        debit: TAX_PAYABLE,
        credit: o.payee ?? buyerAccount(o.buyerId),
        amountCents: o.taxCents,
        entryType: "refund",
        reference: o.refundKey,
      },
    ],
  };
}

export function postRefundBeforeRelease(tx: Tx, o: RefundBeforeReleaseInput) {
  return postEntries(tx, refundBeforeReleaseRule(o));
}
