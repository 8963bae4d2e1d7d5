import type { Tx } from "@/lib/db/client";

/** An account's balance (credits minus debits) per currency. */
export async function accountBalance(tx: Pick<Tx, "$queryRaw">, account: string, currency: string): Promise<number> {
  const [row] = await tx.$queryRaw<{ balance: bigint | number | null }[]>`
    SELECT (coalesce(sum(amount_cents) FILTER (WHERE credit_account = ${account}), 0)
          - coalesce(sum(amount_cents) FILTER (WHERE debit_account = ${account}), 0))::bigint AS balance
      FROM ledger_entries WHERE (credit_account = ${account} OR debit_account = ${account}) AND currency = ${currency}`;
  return Number(row?.balance ?? 0);
}
