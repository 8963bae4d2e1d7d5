import "server-only";

import { db } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";

import type { ReleaseOutcome } from "./release-outcome";
import { releaseRetryAt } from "./release-retry-at";
import { retryRelease } from "./retry-release";

const SWEEP_LIMIT = 25;

/**
 * The cron job behind parked releases: retries those whose retry time has come. Stripe and
 * balance failures are retried on their schedule; releases waiting for a payout account only
 * once the seller's account shows payouts enabled (account.updated queues those at once; this
 * catches a webhook that never came). At most 25 a run, oldest due first, so one run stays short.
 */
export async function sweepParkedReleases(
  opts: { now?: Date; limit?: number } = {},
): Promise<Record<ReleaseOutcome | "failed", number>> {
  const now = opts.now ?? new Date();
  const due = await db().order.findMany({
    where: {
      escrowStatus: "held",
      releaseBlockedCode: { not: null },
      releaseRetryAt: { lte: now },
      AND: [
        { OR: [{ status: "delivered" }, { status: "disputed", disputes: { none: { status: "open" } } }] },
        {
          OR: [
            { releaseBlockedCode: { in: ["insufficient_platform_balance", "stripe_error"] } },
            { seller: { stripeAccountId: { not: null }, payoutsEnabled: true } },
          ],
        },
      ],
    },
    orderBy: { releaseRetryAt: "asc" },
    take: Math.min(opts.limit ?? SWEEP_LIMIT, 100),
    select: { id: true },
  });
  const tally: Record<ReleaseOutcome | "failed", number> = {
    released: 0,
    already_released: 0,
    not_releasable: 0,
    parked: 0,
    failed: 0,
  };
  for (const o of due) {
    try {
      tally[await retryRelease(o.id)]++;
    } catch (err) {
      logger.error({ err, order: o.id }, "parked release retry failed");
      // Not parked again by the release itself: wait the longest interval before the next try.
      await db().order.updateMany({
        where: { id: o.id },
        data: { releaseRetryAt: releaseRetryAt(Number.MAX_SAFE_INTEGER, now) },
      });
      tally.failed++;
    }
  }
  return tally;
}
