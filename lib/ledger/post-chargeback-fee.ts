import type { Tx } from "@/lib/db/client";

import { CHARGEBACK_LOSSES, DISPUTE_FEES } from "./accounts";
import { postEntries } from "./post-entries";
import type { Posting } from "./posting";

/** The dispute fee Stripe took (returned: the same movement reversed). */
export function chargebackFeeRule(o: {
  orderId: string;
  currency: string;
  feeCents: number;
  key: string;
  returned?: boolean;
}): Posting {
  const movement = o.returned
    ? {
        debit: DISPUTE_FEES,
        credit: CHARGEBACK_LOSSES,
        amountCents: o.feeCents,
        entryType: "chargeback_reversal" as const,
        reference: o.key,
      }
    : {
        debit: CHARGEBACK_LOSSES,
        credit: DISPUTE_FEES,
        amountCents: o.feeCents,
        entryType: "chargeback_fee" as const,
        reference: o.key,
      };
  return { orderId: o.orderId, currency: o.currency, movements: [movement] };
}

export const postChargebackFee = (tx: Tx, o: Parameters<typeof chargebackFeeRule>[0]) =>
  postEntries(tx, chargebackFeeRule(o));
