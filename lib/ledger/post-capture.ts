import type { Tx } from "@/lib/db/client";

import { buyerAccount, ESCROW, FX_DIFFERENCE, fxAccount, TAX_PAYABLE } from "./accounts";
import { postEntries } from "./post-entries";
import type { Posting } from "./posting";

export type CaptureInput = {
  orderId: string;
  buyerId: string;
  totalCents: number;
  /** The order's tax (inside or on top of its prices): part of totalCents either way. */
  taxCents: number;
  currency: string;
  /** When the buyer paid in another currency: what they paid for this order in it (lib/fx/convert-checkout). */
  charge?: { currency: string; totalCents: number; fxDifferenceCents: number } | null;
};

/**
 * A paid order's total moves from the buyer into escrow, where it is held until release or
 * refund; its tax moves on at once to the platform's tax payable, in the same transaction.
 */
export function captureRule(o: CaptureInput): Posting {
  return {
    orderId: o.orderId,
    currency: o.currency,
    movements: [
      {
        debit: buyerAccount(o.buyerId),
        credit: ESCROW,
        amountCents: o.totalCents,
        entryType: "capture",
        reference: `capture:${o.orderId}`,
      },
      { debit: ESCROW, credit: TAX_PAYABLE, amountCents: o.taxCents, entryType: "tax", reference: `tax:${o.orderId}` },
    ],
  };
}

/**
 * The capture of an order the buyer paid in another currency, as two postings, each in one
 * currency and balanced on its own. In the charge currency the buyer's money goes to the pair's
 * FX account, which keeps the order's total converted on its own: the split's cent (either way)
 * goes to the FX difference. In the shop's currency the FX account puts the order's total into
 * escrow and its tax moves on to the tax payable, as a capture in one currency does.
 */
export function fxCaptureRules(o: CaptureInput & { charge: NonNullable<CaptureInput["charge"]> }): Posting[] {
  const fx = fxAccount(o.charge.currency, o.currency);
  const diff = o.charge.fxDifferenceCents;
  return [
    {
      orderId: o.orderId,
      currency: o.charge.currency,
      movements: [
        {
          debit: buyerAccount(o.buyerId),
          credit: fx,
          amountCents: o.charge.totalCents,
          entryType: "capture",
          reference: `capture:${o.orderId}`,
        },
        {
          debit: diff > 0 ? fx : FX_DIFFERENCE,
          credit: diff > 0 ? FX_DIFFERENCE : fx,
          amountCents: Math.abs(diff),
          entryType: "fx_difference",
          reference: `fxdiff:${o.orderId}`,
        },
      ],
    },
    {
      orderId: o.orderId,
      currency: o.currency,
      movements: [
        { debit: fx, credit: ESCROW, amountCents: o.totalCents, entryType: "fx", reference: `fx:${o.orderId}` },
        {
          debit: ESCROW,
          credit: TAX_PAYABLE,
          amountCents: o.taxCents,
          entryType: "tax",
          reference: `tax:${o.orderId}`,
        },
      ],
    },
  ];
}

export async function postCapture(tx: Tx, o: CaptureInput) {
  if (!o.charge || o.charge.currency === o.currency) return postEntries(tx, captureRule(o));
  let posted = 0;
  for (const p of fxCaptureRules({ ...o, charge: o.charge })) posted += (await postEntries(tx, p)).posted;
  return { posted };
}
