import type { Tx } from "@/lib/db/client";

import { buyerAccount, ESCROW, TAX_PAYABLE } from "./accounts";
import type { ChargebackKey } from "./post-chargeback-after-release";
import { postEntries } from "./post-entries";
import type { Posting } from "./posting";

/**
 * A held order's dispute lost: what escrow holds for the order goes to the buyer, and so does
 * the order's tax not yet refunded (taxCents, part of amountCents), from the tax payable.
 */
export function chargebackLostWhileHeldRule(o: ChargebackKey & { amountCents: number; taxCents: number }): Posting {
  return {
    orderId: o.orderId,
    currency: o.currency,
    movements: [
      {
        debit: ESCROW,
        credit: buyerAccount(o.buyerId),
        amountCents: o.amountCents - o.taxCents,
        entryType: "chargeback",
        reference: o.key,
      },
      {
        debit: TAX_PAYABLE,
        credit: buyerAccount(o.buyerId),
        amountCents: o.taxCents,
        entryType: "chargeback",
        reference: o.key,
      },
    ],
  };
}

export const postChargebackLostWhileHeld = (tx: Tx, o: Parameters<typeof chargebackLostWhileHeldRule>[0]) =>
  postEntries(tx, chargebackLostWhileHeldRule(o));
