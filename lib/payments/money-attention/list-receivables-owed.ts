import "server-only";

import { db } from "@/lib/db/client";
import { listOutstandingReceivables } from "@/lib/ledger/list-outstanding-receivables";

import type { MoneyAttentionQuery, MoneyAttentionSection } from "./money-attention-types";

/** What sellers owe back after refunds of money already paid out to them, with their shop names. */
export async function listReceivablesOwed({ take }: MoneyAttentionQuery): Promise<MoneyAttentionSection> {
  const receivables = await listOutstandingReceivables({ take });
  const shops = new Map(
    (
      await db().sellerProfile.findMany({
        where: { id: { in: receivables.map((r) => r.sellerId) } },
        select: { id: true, shopName: true },
      })
    ).map((s) => [s.id, s.shopName]),
  );
  return {
    key: "receivables",
    title: "Receivables outstanding",
    description: "What sellers owe back after refunds of money already paid out to them.",
    rows: receivables.map((r) => ({
      id: r.account,
      title: `${shops.get(r.sellerId) ?? "A seller"} owes`,
      amountCents: r.owedCents,
      currency: r.currency,
      since: r.since,
      reason: "A refund after payout was covered by the platform.",
      fix: "Netted from the seller's next payouts automatically; nothing is paid out to them until it is settled.",
      ledger: { account: r.account },
      retryReleaseOf: null,
    })),
  };
}
