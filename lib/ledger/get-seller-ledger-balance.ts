import type { Tx } from "@/lib/db/client";

import { sellerPaidOut, sellerPayable, sellerReceivable } from "./accounts";

/**
 * A seller's raw ledger balances in one currency: payable (what the platform owes them),
 * receivable (zero or negative: what they owe back after refunds of paid-out money) and paid out.
 */
export async function getSellerLedgerBalance(
  client: Pick<Tx, "$queryRaw">,
  opts: { sellerId: string; currency: string },
): Promise<{ payableCents: number; receivableCents: number; paidOutCents: number }> {
  const accounts = [sellerPayable(opts.sellerId), sellerReceivable(opts.sellerId), sellerPaidOut(opts.sellerId)];
  const sums = await client.$queryRaw<{ account: string; balance: bigint }[]>`
    SELECT account, sum(delta)::bigint AS balance FROM (
      SELECT credit_account AS account, amount_cents AS delta FROM ledger_entries WHERE credit_account = ANY(${accounts}) AND currency = ${opts.currency}
      UNION ALL SELECT debit_account, -amount_cents FROM ledger_entries WHERE debit_account = ANY(${accounts}) AND currency = ${opts.currency}
    ) m GROUP BY account`;
  const bal = (a: string) => Number(sums.find((s) => s.account === a)?.balance ?? 0);
  return { payableCents: bal(accounts[0]), receivableCents: bal(accounts[1]), paidOutCents: bal(accounts[2]) };
}
