import "server-only";

import { db } from "@/lib/db/client";

import { buyerAccount } from "./accounts";

/** Distinct buyers who paid, and distinct sellers who were paid for, an order captured in [from, to] (inclusive UTC days). */
export async function countActiveParties(opts: {
  from: string;
  to: string;
}): Promise<{ buyers: number; sellers: number }> {
  const [row] = await db().$queryRaw<{ buyers: bigint; sellers: bigint }[]>`
    SELECT count(DISTINCT e.debit_account) AS buyers, count(DISTINCT o.seller_id) AS sellers
      FROM ledger_entries e JOIN orders o ON o.id = e.order_id
     WHERE e.entry_type = 'capture' AND e.debit_account LIKE ${`${buyerAccount("")}%`}
       AND e.created_at >= ${opts.from}::timestamp AND e.created_at < ${opts.to}::timestamp + interval '1 day'`;
  return { buyers: Number(row?.buyers ?? 0), sellers: Number(row?.sellers ?? 0) };
}
