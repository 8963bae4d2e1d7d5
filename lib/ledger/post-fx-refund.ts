import type { Tx } from "@/lib/db/client";

import { buyerAccount, FX_DIFFERENCE, fxAccount } from "./accounts";
import { postEntries } from "./post-entries";
import type { Posting } from "./posting";

export type FxRefundInput = {
  orderId: string;
  buyerId: string;
  shopCurrency: string;
  chargeCurrency: string;
  /** What the buyer gets back in the charge currency (planChargeRefund). */
  chargeAmountCents: number;
  /** The FX account's part of it: its share of the order converted on its own (fxAccountShare). */
  fxCents: number;
  refundKey: string;
};

/**
 * The charge-currency half of a refund of an order the buyer paid in another currency (the
 * shop-currency half moved the money from escrow and the tax payable to the pair's FX account):
 * the FX account pays the buyer back, and the difference between what they get and the FX
 * account's share comes from (or goes to) the FX difference, as it went at capture. A whole
 * refund leaves both accounts where they were before the order.
 */
export function fxRefundRule(o: FxRefundInput): Posting {
  const fx = fxAccount(o.chargeCurrency, o.shopCurrency);
  const diff = o.chargeAmountCents - o.fxCents;
  return {
    orderId: o.orderId,
    currency: o.chargeCurrency,
    movements: [
      {
        debit: fx,
        credit: buyerAccount(o.buyerId),
        amountCents: o.chargeAmountCents,
        entryType: "refund",
        reference: o.refundKey,
      },
      {
        debit: diff > 0 ? FX_DIFFERENCE : fx,
        credit: diff > 0 ? fx : FX_DIFFERENCE,
        amountCents: Math.abs(diff),
        entryType: "fx_difference",
        reference: `fxdiff:${o.refundKey}`,
      },
    ],
  };
}

export function postFxRefund(tx: Tx, o: FxRefundInput) {
  return postEntries(tx, fxRefundRule(o));
}
