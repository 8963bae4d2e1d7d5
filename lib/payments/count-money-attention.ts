import "server-only";

import { db } from "@/lib/db/client";

export type MoneyAttentionCounts = {
  releases_parked: number;
  transfers_failed: number;
  payouts_failed: number;
  refunds_failed: number;
};

/** How many rows of each kind the admin's money-attention page lists, without loading them (for metrics). */
export async function countMoneyAttention(): Promise<MoneyAttentionCounts> {
  const [releases_parked, transfers_failed, payouts_failed, refunds_failed] = await Promise.all([
    db().order.count({ where: { escrowStatus: "held", releaseBlockedCode: { not: null } } }),
    db().transfer.count({ where: { status: "failed", order: { escrowStatus: "held" } } }),
    db().payout.count({ where: { status: "failed" } }),
    db().refund.count({ where: { status: "failed" } }),
  ]);
  return { releases_parked, transfers_failed, payouts_failed, refunds_failed };
}
