import "server-only";

import { db } from "@/lib/db/client";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { JOBS } from "@/lib/jobs/queues";

import { transitionOrder } from "./order-status";

export const AUTO_CONFIRM_DAYS = 14;

/** The daily job: orders shipped 14 days ago and not confirmed are confirmed for the buyer. */
export async function autoConfirmDeliveries(opts: { now?: Date } = {}): Promise<{ confirmed: number }> {
  const cutoff = new Date((opts.now ?? new Date()).getTime() - AUTO_CONFIRM_DAYS * 86_400_000);
  const due = await db().order.findMany({
    where: { status: "shipped", shippedAt: { lt: cutoff } },
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
        note: `Delivery confirmed automatically ${AUTO_CONFIRM_DAYS} days after shipping`,
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
