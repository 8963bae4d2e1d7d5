import "server-only";

import { db } from "@/lib/db/client";

import type { MoneyAttentionQuery, MoneyAttentionSection } from "./money-attention-types";

/** Release transfers Stripe refused outright, on orders whose money is still held. */
export async function listFailedTransfers({ take }: MoneyAttentionQuery): Promise<MoneyAttentionSection> {
  const failed = await db().transfer.findMany({
    where: { status: "failed", order: { escrowStatus: "held" } },
    orderBy: { updatedAt: "asc" },
    take,
    select: {
      id: true,
      orderId: true,
      amountCents: true,
      currency: true,
      keyVersion: true,
      updatedAt: true,
      seller: { select: { shopName: true } },
      order: { select: { releaseBlockedReason: true } },
    },
  });
  return {
    key: "failed_transfers",
    title: "Transfers Stripe refused",
    description:
      "Stripe refused the transfer outright, so nothing was paid; the next attempt uses a new idempotency key.",
    rows: failed.map((t) => ({
      id: t.id,
      title: `Transfer for order ${t.orderId.slice(0, 8)} · ${t.seller.shopName}`,
      amountCents: t.amountCents,
      currency: t.currency,
      since: t.updatedAt,
      reason: t.order.releaseBlockedReason ?? "Refused by Stripe.",
      fix: `Refused ${t.keyVersion} ${t.keyVersion === 1 ? "time" : "times"}. Fix the cause, then retry the release.`,
      ledger: { order: t.orderId },
      retryReleaseOf: t.orderId,
    })),
  };
}
