import "server-only";

import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";

import { releaseEscrow } from "./release-escrow";
import type { ReleaseOutcome } from "./release-outcome";

/**
 * Runs an order's escrow release, or runs it again after it was parked, in the mode the order
 * is in: a delivered order is released as usual; a disputed one only once an admin decided to
 * release and no dispute is open (its release was parked after that decision). What the
 * release-escrow job and every resume call, so a repeat or a late duplicate is harmless.
 * An admin's retry (`byAdmin`) is in the audit log with its outcome.
 */
export async function retryRelease(orderId: string, byAdmin?: AuditActor): Promise<ReleaseOutcome> {
  const outcome = await runRelease(orderId);
  if (byAdmin)
    await recordAuditEvent(db(), {
      actor: byAdmin,
      action: "release.retried",
      target: { type: "order", id: orderId },
      details: { outcome },
    });
  return outcome;
}

async function runRelease(orderId: string): Promise<ReleaseOutcome> {
  const order = await db().order.findUnique({
    where: { id: orderId },
    select: { status: true, disputes: { select: { status: true } } },
  });
  if (!order) return "not_releasable";
  const decidedForSeller =
    order.status === "disputed" &&
    order.disputes.some((d) => d.status === "resolved_released") &&
    !order.disputes.some((d) => d.status === "open");
  if (order.status === "disputed" && !decidedForSeller) return "not_releasable";
  return releaseEscrow(orderId, { resolvingDispute: decidedForSeller });
}
