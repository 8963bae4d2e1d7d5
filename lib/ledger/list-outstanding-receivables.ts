import "server-only";

import { db } from "@/lib/db/client";

import { sellerReceivable } from "./accounts";

export type OutstandingReceivable = {
  sellerId: string;
  currency: string;
  owedCents: number;
  account: string;
  since: Date;
};

/**
 * Sellers who owe the platform money (refunds of money already paid out, not yet netted from a
 * payout), largest first: the receivable account's balance is negative while they owe.
 */
export async function listOutstandingReceivables(opts: { take?: number } = {}): Promise<OutstandingReceivable[]> {
  // The account name around a seller id: a wildcard for every seller's account, and the
  // affixes to read the seller back from a name.
  const pattern = sellerReceivable("%");
  const [head, tail] = sellerReceivable("\u0000").split("\u0000");
  const rows = await db().$queryRaw<{ account: string; currency: string; balance: bigint; since: Date }[]>`
    SELECT account, currency, sum(delta)::bigint AS balance, min(created_at) AS since FROM (
      SELECT credit_account AS account, currency, amount_cents AS delta, created_at FROM ledger_entries WHERE credit_account LIKE ${pattern}
      UNION ALL SELECT debit_account, currency, -amount_cents, created_at FROM ledger_entries WHERE debit_account LIKE ${pattern}
    ) m GROUP BY account, currency HAVING sum(delta) < 0 ORDER BY sum(delta) ASC LIMIT ${Math.min(opts.take ?? 100, 500)}`;
  return rows.map((r) => ({
    sellerId: r.account.slice(head.length, r.account.length - tail.length),
    currency: r.currency,
    owedCents: -Number(r.balance),
    account: r.account,
    since: r.since,
  }));
}
