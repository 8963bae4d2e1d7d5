import type { Tx } from "@/lib/db/client";

import { sellerPayable } from "./accounts";

/** The currencies a seller has ever been credited in (what a payout run has to look at). */
export async function listSellerLedgerCurrencies(client: Pick<Tx, "$queryRaw">, sellerId: string): Promise<string[]> {
  const rows = await client.$queryRaw<
    { currency: string }[]
  >`SELECT DISTINCT currency FROM ledger_entries WHERE credit_account = ${sellerPayable(sellerId)}`;
  return rows.map((r) => r.currency);
}
