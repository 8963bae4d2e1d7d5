import type { Tx } from "@/lib/db/client";

import { accountBalance } from "./account-balance";
import { buyerAccount, COMMISSION, sellerPayable, sellerReceivable } from "./accounts";
import { postEntries } from "./post-entries";
import type { Posting } from "./posting";

// Chargeback policy (README "Card chargebacks"): on a released order the card network takes
// the money back from the platform; the seller's share is recovered from the seller (their
// payable as far as it reaches, the rest a receivable netted from later payouts) and the
// commission part is the platform's. The dispute fee is always the platform's loss. A won
// dispute reverses both; a lost one stays. A held order's escrow pays a lost dispute.

export type ChargebackKey = { orderId: string; buyerId: string; sellerId: string; currency: string; key: string };

/** A released order disputed: seller's share (payable, then receivable) and commission go back to the buyer. */
export function chargebackAfterReleaseRule(
  o: ChargebackKey & { sellerShareCents: number; commissionCents: number; payableCents: number },
): Posting {
  const fromPayable = Math.max(0, Math.min(o.payableCents, o.sellerShareCents));
  return {
    orderId: o.orderId,
    currency: o.currency,
    movements: [
      {
        debit: sellerPayable(o.sellerId),
        credit: buyerAccount(o.buyerId),
        amountCents: fromPayable,
        entryType: "chargeback",
        reference: o.key,
      },
      {
        debit: sellerReceivable(o.sellerId),
        credit: buyerAccount(o.buyerId),
        amountCents: o.sellerShareCents - fromPayable,
        entryType: "chargeback",
        reference: o.key,
      },
      {
        debit: COMMISSION,
        credit: buyerAccount(o.buyerId),
        amountCents: o.commissionCents,
        entryType: "chargeback",
        reference: o.key,
      },
    ],
  };
}

/** Reads the seller's payable inside the caller's transaction, then posts the rule. */
export async function postChargebackAfterRelease(
  tx: Tx,
  o: ChargebackKey & { sellerShareCents: number; commissionCents: number },
) {
  const payableCents = await accountBalance(tx, sellerPayable(o.sellerId), o.currency);
  return postEntries(tx, chargebackAfterReleaseRule({ ...o, payableCents }));
}
