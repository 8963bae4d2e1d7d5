import "server-only";

import { db } from "@/lib/db/client";
import { sellerPaidOut } from "@/lib/ledger/accounts";

import type { MoneyAttentionQuery, MoneyAttentionSection } from "./money-attention-types";

/** Payouts the seller's bank did not take. */
export async function listFailedPayouts({ take }: MoneyAttentionQuery): Promise<MoneyAttentionSection> {
  const failed = await db().payout.findMany({
    where: { status: "failed" },
    orderBy: { updatedAt: "asc" },
    take,
    select: {
      id: true,
      amountCents: true,
      currency: true,
      failureMessage: true,
      updatedAt: true,
      sellerId: true,
      seller: { select: { shopName: true } },
    },
  });
  return {
    key: "failed_payouts",
    title: "Payouts that failed",
    description: "The seller's bank did not take the payout; its amount is back in their available balance.",
    rows: failed.map((p) => ({
      id: p.id,
      title: `Payout to ${p.seller.shopName}`,
      amountCents: p.amountCents,
      currency: p.currency,
      since: p.updatedAt,
      reason: p.failureMessage ?? "The payout failed.",
      fix: "The amount goes out with the next daily payout; if the bank account is wrong, the seller updates it in their Stripe dashboard.",
      ledger: { account: sellerPaidOut(p.sellerId) },
      retryReleaseOf: null,
    })),
  };
}
