import "server-only";

import { db } from "@/lib/db/client";
import { getSellerLedgerBalance } from "@/lib/ledger/get-seller-ledger-balance";
import { listSellerLedgerLines, type SellerLedgerLine } from "@/lib/ledger/list-seller-ledger-lines";

export type SellerBalance = {
  currency: string;
  heldCents: number;
  availableCents: number;
  paidOutCents: number;
  receivableCents: number;
  lines: SellerLedgerLine[];
  payouts: {
    id: string;
    amountCents: number;
    status: string;
    createdAt: Date;
    arrivalDate: Date | null;
    failureMessage: string | null;
  }[];
};

/** Where a seller's money is: held in escrow, available, paid out, owed back; with the ledger lines behind it. */
export async function getSellerBalance(sellerId: string, currency = "USD"): Promise<SellerBalance> {
  const [held, balance, lines, payouts] = await Promise.all([
    db().$queryRaw<
      { n: bigint | null }[]
    >`SELECT sum((total_cents - refunded_cents) - (platform_fee_cents - refunded_fee_cents))::bigint AS n FROM orders WHERE seller_id = ${sellerId}::uuid AND escrow_status = 'held' AND currency = ${currency}`,
    getSellerLedgerBalance(db(), { sellerId, currency }),
    listSellerLedgerLines({ sellerId, currency, take: 50 }),
    db().payout.findMany({ where: { sellerId }, orderBy: { createdAt: "desc" }, take: 20 }),
  ]);
  return {
    currency,
    heldCents: Number(held[0]?.n ?? 0),
    availableCents: Math.max(0, balance.payableCents + balance.receivableCents),
    paidOutCents: balance.paidOutCents,
    receivableCents: Math.max(0, -balance.receivableCents - Math.max(0, balance.payableCents)),
    lines,
    payouts: payouts.map((p) => ({
      id: p.id,
      amountCents: p.amountCents,
      status: p.status,
      createdAt: p.createdAt,
      arrivalDate: p.arrivalDate,
      failureMessage: p.failureMessage,
    })),
  };
}
