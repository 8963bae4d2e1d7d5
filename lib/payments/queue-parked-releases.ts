import type { Tx } from "@/lib/db/client";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { JOBS } from "@/lib/jobs/queues";

/**
 * A seller's payout account can now receive money: queues the release of every order of theirs
 * that was waiting for it, inside the caller's transaction (the webhook's or the refresh's), so
 * the jobs exist exactly when the account's new state commits. Duplicates are harmless: each
 * release pays once.
 */
export async function queueParkedReleases(tx: Tx, opts: { stripeAccountId: string }): Promise<number> {
  const seller = await tx.sellerProfile.findFirst({
    where: { stripeAccountId: opts.stripeAccountId, payoutsEnabled: true },
    select: { id: true },
  });
  if (!seller) return 0;
  const parked = await tx.order.findMany({
    where: {
      sellerId: seller.id,
      escrowStatus: "held",
      releaseBlockedCode: { in: ["no_payout_account", "payouts_disabled"] },
    },
    select: { id: true },
    take: 1000,
  });
  for (const o of parked) await enqueueJob({ name: JOBS.releaseEscrow, data: { orderId: o.id }, tx });
  return parked.length;
}
