import "server-only";

import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The ledger explorer: newest entries, filtered by account (prefix) or order. */
export async function listLedgerEntries(opts: { account?: string; orderId?: string; page?: number }) {
  const where: Prisma.LedgerEntryWhereInput = {};
  if (opts.account)
    where.OR = [{ debitAccount: { startsWith: opts.account } }, { creditAccount: { startsWith: opts.account } }];
  if (opts.orderId) where.orderId = opts.orderId;
  const page = Math.max(1, opts.page ?? 1);
  const [rows, total] = await Promise.all([
    db().ledgerEntry.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * 50,
      take: 50,
    }),
    db().ledgerEntry.count({ where }),
  ]);
  return { rows, total };
}
