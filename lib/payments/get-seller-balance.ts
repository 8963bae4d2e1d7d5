import { db } from "@/lib/db/client";
import { sellerPaidOut, sellerPayable, sellerReceivable } from "@/lib/ledger/accounts";

export type SellerBalance = {
  currency: string;
  heldCents: number;
  availableCents: number;
  paidOutCents: number;
  receivableCents: number;
  lines: { id: string; createdAt: Date; entryType: string; debit: string; credit: string; amountCents: number; orderId: string | null; reference: string | null }[];
  payouts: { id: string; amountCents: number; status: string; createdAt: Date; arrivalDate: Date | null; failureMessage: string | null }[];
};

/** Where a seller's money is: held in escrow, available, paid out, owed back; with the ledger lines behind it. */
export async function getSellerBalance(sellerId: string, currency = "USD"): Promise<SellerBalance> {
  const accounts = [sellerPayable(sellerId), sellerPaidOut(sellerId), sellerReceivable(sellerId)];
  const [held, sums, lines, payouts] = await Promise.all([
    db().$queryRaw<{ n: bigint | null }[]>`SELECT sum(total_cents - platform_fee_cents)::bigint AS n FROM orders WHERE seller_id = ${sellerId}::uuid AND escrow_status = 'held' AND currency = ${currency}`,
    db().$queryRaw<{ account: string; balance: bigint }[]>`
      SELECT account, sum(delta)::bigint AS balance FROM (
        SELECT credit_account AS account, amount_cents AS delta FROM ledger_entries WHERE credit_account = ANY(${accounts}) AND currency = ${currency}
        UNION ALL SELECT debit_account, -amount_cents FROM ledger_entries WHERE debit_account = ANY(${accounts}) AND currency = ${currency}
      ) m GROUP BY account`,
    db().ledgerEntry.findMany({ where: { currency, OR: [{ debitAccount: { in: accounts } }, { creditAccount: { in: accounts } }] }, orderBy: { createdAt: "desc" }, take: 50 }),
    db().payout.findMany({ where: { sellerId }, orderBy: { createdAt: "desc" }, take: 20 }),
  ]);
  const bal = (a: string) => Number(sums.find((s) => s.account === a)?.balance ?? 0);
  const receivable = bal(sellerReceivable(sellerId));
  return {
    currency,
    heldCents: Number(held[0]?.n ?? 0),
    availableCents: Math.max(0, bal(sellerPayable(sellerId)) + receivable),
    paidOutCents: bal(sellerPaidOut(sellerId)),
    receivableCents: Math.max(0, -receivable - Math.max(0, bal(sellerPayable(sellerId)))),
    lines: lines.map((l) => ({ id: l.id, createdAt: l.createdAt, entryType: l.entryType, debit: l.debitAccount, credit: l.creditAccount, amountCents: l.amountCents, orderId: l.orderId, reference: l.reference })),
    payouts: payouts.map((p) => ({ id: p.id, amountCents: p.amountCents, status: p.status, createdAt: p.createdAt, arrivalDate: p.arrivalDate, failureMessage: p.failureMessage })),
  };
}
