import type { Tx } from "@/lib/db/client";

import { buyerAccount, COMMISSION, sellerPayable } from "./accounts";
import type { ChargebackKey } from "./post-chargeback-after-release";
import { postEntries } from "./post-entries";
import type { Posting } from "./posting";

/**
 * A released order's dispute won: the money comes back; the seller's whole share is credited to
 * their payable (a receivable booked when it opened is then netted by the next payout as usual).
 */
export function chargebackWonAfterReleaseRule(
  o: ChargebackKey & { sellerShareCents: number; commissionCents: number },
): Posting {
  return {
    orderId: o.orderId,
    currency: o.currency,
    movements: [
      {
        debit: buyerAccount(o.buyerId),
        credit: sellerPayable(o.sellerId),
        amountCents: o.sellerShareCents,
        entryType: "chargeback_reversal",
        reference: o.key,
      },
      {
        debit: buyerAccount(o.buyerId),
        credit: COMMISSION,
        amountCents: o.commissionCents,
        entryType: "chargeback_reversal",
        reference: o.key,
      },
    ],
  };
}

export const postChargebackWonAfterRelease = (tx: Tx, o: Parameters<typeof chargebackWonAfterReleaseRule>[0]) =>
  postEntries(tx, chargebackWonAfterReleaseRule(o));
