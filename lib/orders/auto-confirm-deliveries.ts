import "server-only";

import { db } from "@/lib/db/client";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { JOBS } from "@/lib/jobs/queues";

import { AUTO_CONFIRM_DAYS, AUTO_CONFIRM_GRACE_DAYS } from "./auto-confirm-at";
import { transitionOrder } from "./order-status";

const DAY = 86_400_000;

/**
 * The daily job: shipped orders the buyer has not confirmed are confirmed for them at
 * autoConfirmAt (14 days after shipping, later for a long promised delivery window).
 */
export async function autoConfirmDeliveries(opts: { now?: Date } = {}): Promise<{ confirmed: number }> {
  const now = (opts.now ?? new Date()).getTime();
  const cutoff = new Date(now - AUTO_CONFIRM_DAYS * DAY);
  // delivery_latest is a date: the window ends when that day does.
  const windowCutoff = new Date(now - (AUTO_CONFIRM_GRACE_DAYS + 1) * DAY);
  const due = await db().order.findMany({
    where: {
      status: "shipped",
      shippedAt: { lt: cutoff },
      OR: [{ deliveryLatest: null }, { deliveryLatest: { lte: windowCutoff } }],
    },
    select: { id: true },
    take: 1000,
  });
  let confirmed = 0;
  for (const o of due) {
    const changed = await db().$transaction(async (tx) => {
      const r = await transitionOrder(tx, {
        orderId: o.id,
        to: "delivered",
        actorType: "system",
        from: ["shipped"],
        note: "Delivery confirmed automatically after the delivery window",
      });
      if (r.changed) {
        await enqueueJob({ name: JOBS.releaseEscrow, data: { orderId: o.id }, tx });
      }
      return r.changed;
    });
    if (changed) confirmed++;
  }
  return { confirmed };
}
