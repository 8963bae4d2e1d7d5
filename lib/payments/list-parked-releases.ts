import "server-only";

import { db } from "@/lib/db/client";
import type { ReleaseBlockCode } from "@/lib/generated/prisma/enums";

export type ParkedRelease = {
  orderId: string;
  sellerId: string;
  shopName: string;
  status: string;
  amountCents: number;
  currency: string;
  code: ReleaseBlockCode;
  reason: string;
  blockedAt: Date;
  attempts: number;
  retryAt: Date | null;
};

/**
 * Delivered orders whose payment to the seller is waiting, with why, oldest first: one
 * seller's own (sellerId, in the query) or every seller's for the admin queue.
 */
export async function listParkedReleases(opts: { sellerId?: string; take?: number } = {}): Promise<ParkedRelease[]> {
  const rows = await db().order.findMany({
    where: {
      escrowStatus: "held",
      releaseBlockedCode: { not: null },
      // A disputed order waits for the dispute, not for its release, until an admin decides.
      OR: [{ status: "delivered" }, { status: "disputed", disputes: { none: { status: "open" } } }],
      ...(opts.sellerId ? { sellerId: opts.sellerId } : {}),
    },
    orderBy: [{ releaseBlockedAt: "asc" }, { id: "asc" }],
    take: Math.min(opts.take ?? 100, 500),
    select: {
      id: true,
      sellerId: true,
      status: true,
      totalCents: true,
      platformFeeCents: true,
      taxCents: true,
      currency: true,
      releaseBlockedCode: true,
      releaseBlockedReason: true,
      releaseBlockedAt: true,
      releaseAttempts: true,
      releaseRetryAt: true,
      seller: { select: { shopName: true } },
    },
  });
  return rows.map((r) => ({
    orderId: r.id,
    sellerId: r.sellerId,
    shopName: r.seller.shopName,
    status: r.status,
    amountCents: r.totalCents - r.platformFeeCents - r.taxCents,
    currency: r.currency,
    code: r.releaseBlockedCode!,
    reason: r.releaseBlockedReason ?? "",
    blockedAt: r.releaseBlockedAt ?? new Date(0),
    attempts: r.releaseAttempts,
    retryAt: r.releaseRetryAt,
  }));
}
