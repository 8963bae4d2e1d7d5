import { randomUUID } from "node:crypto";

import type { Tx } from "@/lib/db/client";
import type { LedgerEntryType } from "@/lib/generated/prisma/enums";

export type Movement = {
  debit: string;
  credit: string;
  amountCents: number;
  entryType: LedgerEntryType;
  reference: string;
};

/**
 * Records one money movement as a balanced set of entries sharing a transaction id, inside the
 * caller's transaction. Each row moves a positive amount from its debit to its credit account,
 * so every set balances by construction. A (type, reference, accounts) triple is unique: posting
 * the same movement twice is a no-op, which makes retried jobs and replayed webhooks harmless.
 */
export async function postEntries(
  tx: Tx,
  opts: { orderId?: string | null; currency: string; movements: Movement[] },
): Promise<{ posted: number }> {
  const transactionId = randomUUID();
  let posted = 0;
  for (const m of opts.movements) {
    if (m.amountCents === 0) continue;
    const rows = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO ledger_entries (id, transaction_id, order_id, debit_account, credit_account, amount_cents, currency, entry_type, reference)
      VALUES (gen_random_uuid(), ${transactionId}::uuid, ${opts.orderId ?? null}::uuid, ${m.debit}, ${m.credit}, ${m.amountCents}, ${opts.currency}, ${m.entryType}::"LedgerEntryType", ${m.reference})
      ON CONFLICT (entry_type, reference, debit_account, credit_account) DO NOTHING
      RETURNING id`;
    posted += rows.length;
  }
  return { posted };
}
