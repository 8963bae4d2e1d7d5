import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { JOBS } from "@/lib/jobs/queues";

import { transitionOrder } from "./order-status";

/** The buyer confirms their own shipped order arrived. */
export async function confirmDelivery(opts: { buyerId: string; orderId: string }): Promise<{ changed: boolean }> {
  return db().$transaction(async (tx) => {
    const order = await tx.order.findFirst({
      where: { id: opts.orderId, buyerId: opts.buyerId },
      select: { id: true },
    });
    if (!order) throw new AppError("not_found", "Order not found.");
    const r = await transitionOrder(tx, {
      orderId: order.id,
      to: "delivered",
      actorType: "buyer",
      actorId: opts.buyerId,
      from: ["shipped"],
      note: "Buyer confirmed delivery",
    });
    if (r.changed) {
      // The buyer is satisfied: pay the seller now.
      await enqueueJob({ name: JOBS.releaseEscrow, data: { orderId: order.id }, tx });
    }
    return { changed: r.changed };
  });
}
