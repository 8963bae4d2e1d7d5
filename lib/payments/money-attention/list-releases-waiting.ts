import "server-only";

import { listParkedReleases } from "../list-parked-releases";
import { releaseBlockFix } from "../release-block-fix";
import type { MoneyAttentionQuery, MoneyAttentionSection } from "./money-attention-types";

/** Delivered orders whose release is parked, with its cause and the admin's fix. */
export async function listReleasesWaiting({ take }: MoneyAttentionQuery): Promise<MoneyAttentionSection> {
  const parked = await listParkedReleases({ take });
  return {
    key: "releases_waiting",
    title: "Releases waiting",
    description:
      "Delivered orders whose seller is not paid yet. Each resumes by itself when its cause is gone; retry now once you fixed it.",
    rows: parked.map((p) => ({
      id: p.orderId,
      title: `Order ${p.orderId.slice(0, 8)} · ${p.shopName}`,
      amountCents: p.amountCents,
      currency: p.currency,
      since: p.blockedAt,
      reason: `${p.reason} (${p.attempts} ${p.attempts === 1 ? "attempt" : "attempts"})`,
      fix: releaseBlockFix(p.code, "admin"),
      ledger: { order: p.orderId },
      retryReleaseOf: p.orderId,
    })),
  };
}
