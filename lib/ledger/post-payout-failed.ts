import type { Tx } from "@/lib/db/client";

import { sellerPaidOut, sellerPayable } from "./accounts";
import { postEntries } from "./post-entries";
import type { Posting } from "./posting";

export type PayoutFailedInput = { sellerId: string; currency: string; amountCents: number; payoutKey: string };

/** A payout failed or was cancelled at the bank: its money returns to the seller's payable. */
export function payoutFailedRule(o: PayoutFailedInput): Posting {
  return {
    currency: o.currency,
    movements: [
      {
        debit: sellerPaidOut(o.sellerId),
        credit: sellerPayable(o.sellerId),
        amountCents: o.amountCents,
        entryType: "adjustment",
        reference: `payout-failed:${o.payoutKey}`,
      },
    ],
  };
}

export function postPayoutFailed(tx: Tx, o: PayoutFailedInput) {
  return postEntries(tx, payoutFailedRule(o));
}
