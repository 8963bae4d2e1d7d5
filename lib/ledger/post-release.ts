import type { Tx } from "@/lib/db/client";

import { COMMISSION, ESCROW, sellerPayable } from "./accounts";
import { postEntries } from "./post-entries";
import type { Posting } from "./posting";

export type ReleaseInput = {
  orderId: string;
  sellerId: string;
  currency: string;
  sellerShareCents: number;
  commissionCents: number;
};

/**
 * An order's escrow is released after its Transfer: the seller's share becomes their payable
 * and the platform keeps its commission. Both legs share the release's idempotency key.
 */
export function releaseRule(o: ReleaseInput): Posting {
  const reference = `release:${o.orderId}`;
  return {
    orderId: o.orderId,
    currency: o.currency,
    movements: [
      {
        debit: ESCROW,
        credit: sellerPayable(o.sellerId),
        amountCents: o.sellerShareCents,
        entryType: "release",
        reference,
      },
      { debit: ESCROW, credit: COMMISSION, amountCents: o.commissionCents, entryType: "commission", reference },
    ],
  };
}

export function postRelease(tx: Tx, o: ReleaseInput) {
  return postEntries(tx, releaseRule(o));
}
