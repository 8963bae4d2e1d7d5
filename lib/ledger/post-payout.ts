import type { Tx } from "@/lib/db/client";

import { sellerPaidOut, sellerPayable, sellerReceivable } from "./accounts";
import { postEntries } from "./post-entries";
import type { Posting } from "./posting";

export type PayoutInput = { sellerId: string; currency: string; amountCents: number; payoutKey: string };

/**
 * A payout started: any receivable the seller owes is settled from their payable first (netting),
 * then the paid amount leaves the payable for their bank. receivableCents is the receivable's
 * balance now (zero or negative: a receivable is debited).
 */
export function payoutRule(o: PayoutInput & { receivableCents: number }): Posting {
  return {
    currency: o.currency,
    movements: [
      {
        debit: sellerPayable(o.sellerId),
        credit: sellerReceivable(o.sellerId),
        amountCents: Math.max(0, -o.receivableCents),
        entryType: "adjustment",
        reference: `net:${o.payoutKey}`,
      },
      {
        debit: sellerPayable(o.sellerId),
        credit: sellerPaidOut(o.sellerId),
        amountCents: o.amountCents,
        entryType: "payout",
        reference: o.payoutKey,
      },
    ],
  };
}

export function postPayout(tx: Tx, o: PayoutInput & { receivableCents: number }) {
  return postEntries(tx, payoutRule(o));
}
