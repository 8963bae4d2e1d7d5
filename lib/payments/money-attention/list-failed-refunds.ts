import "server-only";

import { db } from "@/lib/db/client";

import type { MoneyAttentionQuery, MoneyAttentionSection } from "./money-attention-types";

/** Refunds Stripe could not return to the buyer's card. */
export async function listFailedRefunds({ take }: MoneyAttentionQuery): Promise<MoneyAttentionSection> {
  const failed = await db().refund.findMany({
    where: { status: "failed" },
    orderBy: { updatedAt: "asc" },
    take,
    select: {
      id: true,
      orderId: true,
      amountCents: true,
      currency: true,
      reason: true,
      updatedAt: true,
      order: { select: { seller: { select: { shopName: true } } } },
    },
  });
  return {
    key: "failed_refunds",
    title: "Refunds that failed",
    description: "Stripe could not return the money to the buyer's card.",
    rows: failed.map((r) => ({
      id: r.id,
      title: `Refund for order ${r.orderId.slice(0, 8)} · ${r.order.seller.shopName}`,
      amountCents: r.amountCents,
      currency: r.currency,
      since: r.updatedAt,
      reason: r.reason ?? "The refund failed.",
      fix: "Contact the buyer to return the money another way; the ledger already records it as refunded.",
      ledger: { order: r.orderId },
      retryReleaseOf: null,
    })),
  };
}
