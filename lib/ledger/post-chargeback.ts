import type { Tx } from "@/lib/db/client";

import {
  buyerAccount,
  CHARGEBACK_LOSSES,
  COMMISSION,
  DISPUTE_FEES,
  ESCROW,
  sellerPayable,
  sellerReceivable,
} from "./accounts";
import { accountBalance, postEntries } from "./post-entries";
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

/** A held order's dispute lost: what escrow holds for the order goes to the buyer. */
export function chargebackLostWhileHeldRule(o: ChargebackKey & { amountCents: number }): Posting {
  return {
    orderId: o.orderId,
    currency: o.currency,
    movements: [
      {
        debit: ESCROW,
        credit: buyerAccount(o.buyerId),
        amountCents: o.amountCents,
        entryType: "chargeback",
        reference: o.key,
      },
    ],
  };
}

export const postChargebackLostWhileHeld = (tx: Tx, o: Parameters<typeof chargebackLostWhileHeldRule>[0]) =>
  postEntries(tx, chargebackLostWhileHeldRule(o));

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
