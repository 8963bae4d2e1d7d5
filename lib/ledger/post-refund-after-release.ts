import type { Tx } from "@/lib/db/client";

import { accountBalance } from "./account-balance";
import { buyerAccount, COMMISSION, ESCROW, sellerPayable, sellerReceivable, TAX_PAYABLE } from "./accounts";
import { postEntries } from "./post-entries";
import type { Posting } from "./posting";

export type RefundAfterReleaseInput = {
  orderId: string;
  buyerId: string;
  sellerId: string;
  currency: string;
  /** What the buyer gets back. */
  amountCents: number;
  /** The part of the refund taken back from the seller's released share (the Transfer reversal). */
  sellerShareCents: number;
  /** The part of the refund taken back from the platform's commission. */
  commissionCents: number;
  /** The tax part of the refund: from the tax payable, never from the seller. */
  taxCents: number;
  refundKey: string;
  /**
   * Who the refund goes to in the order's currency: the buyer, or, when they paid in another
   * currency, the pair's FX account (which pays them in theirs: fxRefundRule).
   */
  payee?: string;
  reversalKey: string;
};

/**
 * A refund after release: the seller's share and the commission come back into escrow (the
 * reversal) and leave it to the buyer (the refund), in one transaction. The seller's share is
 * taken from their payable as far as it reaches (payableCents, the balance now); the rest is
 * booked as their receivable, which later payouts net first. The refund's tax share comes from
 * the platform's tax payable, which is where it went at capture.
 */
export function refundAfterReleaseRule(o: RefundAfterReleaseInput & { payableCents: number }): Posting {
  const fromPayable = Math.max(0, Math.min(o.payableCents, o.sellerShareCents));
  return {
    orderId: o.orderId,
    currency: o.currency,
    movements: [
      {
        debit: sellerPayable(o.sellerId),
        credit: ESCROW,
        amountCents: fromPayable,
        entryType: "reversal",
        reference: o.reversalKey,
      },
      {
        debit: sellerReceivable(o.sellerId),
        credit: ESCROW,
        amountCents: o.sellerShareCents - fromPayable,
        entryType: "reversal",
        reference: o.reversalKey,
      },
      {
        debit: COMMISSION,
        credit: ESCROW,
        amountCents: o.commissionCents,
        entryType: "reversal",
        reference: o.reversalKey,
      },
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

/** Reads the seller's payable inside the caller's transaction, then posts the rule. */
export async function postRefundAfterRelease(tx: Tx, o: RefundAfterReleaseInput) {
  const payableCents = await accountBalance(tx, sellerPayable(o.sellerId), o.currency);
  return postEntries(tx, refundAfterReleaseRule({ ...o, payableCents }));
}
