import "server-only";

import type { Tx } from "@/lib/db/client";

/**
 * Records that an order was paid, from the worker's order.paid subscriber (after the payment's
 * transaction committed, never inside it). The event carries no amount: the rollup reads the
 * order's total and items, the authority. A retried dispatch records nothing twice (dedupe key).
 */
export async function recordOrderPaid(tx: Tx, orderId: string): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO analytics_events (kind, seller_id, order_id, user_id, dedupe_key, occurred_at)
    SELECT 'order_paid', o.seller_id, o.id, o.buyer_id, 'order_paid:' || o.id, coalesce(o.paid_at, CURRENT_TIMESTAMP)
      FROM orders o WHERE o.id = ${orderId}::uuid
    ON CONFLICT (dedupe_key) DO NOTHING`;
}

/** Records a refund of an order (in full, or one partial refund by its id), once per refund. */
export async function recordOrderRefund(tx: Tx, opts: { orderId: string; refundId: string | null }): Promise<void> {
  const key = `refund:${opts.orderId}:${opts.refundId ?? "full"}`;
  await tx.$executeRaw`
    INSERT INTO analytics_events (kind, seller_id, order_id, user_id, dedupe_key, occurred_at)
    SELECT 'refund', o.seller_id, o.id, o.buyer_id, ${key}, CURRENT_TIMESTAMP
      FROM orders o WHERE o.id = ${opts.orderId}::uuid
    ON CONFLICT (dedupe_key) DO NOTHING`;
}
