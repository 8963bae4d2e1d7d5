import "server-only";

import { db } from "@/lib/db/client";

import { sellerPaidOut, sellerPayable, sellerReceivable } from "./accounts";

export type SellerLedgerLine = {
  id: string;
  createdAt: Date;
  entryType: string;
  debit: string;
  credit: string;
  amountCents: number;
  orderId: string | null;
  reference: string | null;
  incoming: boolean;
};

/** The newest ledger lines touching a seller's accounts; incoming = money credited to their payable. */
export async function listSellerLedgerLines(opts: {
  sellerId: string;
  currency: string;
  take?: number;
}): Promise<SellerLedgerLine[]> {
  const payable = sellerPayable(opts.sellerId);
  const accounts = [payable, sellerPaidOut(opts.sellerId), sellerReceivable(opts.sellerId)];
  const lines = await db().ledgerEntry.findMany({
    where: { currency: opts.currency, OR: [{ debitAccount: { in: accounts } }, { creditAccount: { in: accounts } }] },
    orderBy: { createdAt: "desc" },
    take: opts.take ?? 50,
  });
  return lines.map((l) => ({
    id: l.id,
    createdAt: l.createdAt,
    entryType: l.entryType,
    debit: l.debitAccount,
    credit: l.creditAccount,
    amountCents: l.amountCents,
    orderId: l.orderId,
    reference: l.reference,
    incoming: l.creditAccount === payable,
  }));
}
