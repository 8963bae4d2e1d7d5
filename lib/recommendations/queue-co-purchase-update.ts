import "server-only";

import type { Tx } from "@/lib/db/client";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { JOBS } from "@/lib/jobs/queues";
import type { DomainEvents } from "@/lib/outbox/events";

/**
 * The order.paid subscriber: queues the co-purchase computation for the listings of the order's
 * checkout (in the dispatch's transaction), so "also bought" learns from a sale within moments;
 * the nightly run recomputes everything (refunds and cancellations drop out there).
 */
export async function queueCoPurchaseUpdate(tx: Tx, e: DomainEvents["order.paid"]): Promise<void> {
  const rows = await tx.$queryRaw<{ product_id: string }[]>`
    SELECT DISTINCT i.product_id FROM orders o JOIN order_items i ON i.order_id = o.id
     WHERE o.checkout_id = (SELECT checkout_id FROM orders WHERE id = ${e.orderId}::uuid)`;
  if (rows.length < 2) return;
  await enqueueJob({ name: JOBS.computeCoPurchases, data: { productIds: rows.map((r) => r.product_id) }, tx });
}
