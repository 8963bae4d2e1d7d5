import "server-only";

import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";

import { claimReturnRefund } from "./claim-return-refund";
import { refundReturn } from "./refund-return";

/**
 * The worker's hourly job: returns the carrier delivered RETURN_AUTO_REFUND_DAYS ago without a
 * word from the seller are refunded to the buyer. Nothing goes back to stock: the seller has
 * not said the items arrived.
 */
export async function autoRefundReturns(
  opts: { now?: Date } = {},
): Promise<{ claimed: number; refunded: number; failed: number }> {
  const cutoff = new Date((opts.now ?? new Date()).getTime() - env().RETURN_AUTO_REFUND_DAYS * 86_400_000);
  const due = await db().return.findMany({
    where: { status: "delivered", refundTrigger: null, carrierDeliveredAt: { lte: cutoff } },
    orderBy: { carrierDeliveredAt: "asc" },
    take: 200,
    select: { id: true },
  });
  let claimed = 0;
  for (const r of due) {
    if (
      await db().$transaction((tx) =>
        claimReturnRefund(tx, {
          returnId: r.id,
          trigger: "carrier_delivered",
          actorType: "system",
          from: ["delivered"],
          to: "delivered",
        }),
      )
    )
      claimed++;
  }
  // Claimed earlier but not refunded yet (a crash, the payment provider down) are retried too.
  const owed = await db().return.findMany({
    where: { status: "delivered", refundTrigger: "carrier_delivered" },
    take: 200,
    select: { id: true },
  });
  let refunded = 0;
  let failed = 0;
  for (const r of owed) {
    try {
      if ((await refundReturn(r.id)).outcome === "refunded") refunded++;
    } catch (err) {
      failed++;
      logger.warn({ err, returnId: r.id }, "automatic return refund failed; retried next run");
    }
  }
  return { claimed, refunded, failed };
}
