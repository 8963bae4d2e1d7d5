import "server-only";

import type { AnalyticsRange } from "@/lib/analytics/report/analytics-range";
import { db } from "@/lib/db/client";

/** After-sale cases opened in a period: orders refunded (in full or part), returns asked for, orders disputed. */
export type AfterSaleCounts = { refundedOrders: number; returns: number; disputedOrders: number };

/**
 * One seller's refunds, returns and disputes in a range and in the period before it, counted
 * where they happened (a refund when it succeeded, a return when the buyer asked, a dispute or
 * card chargeback when it opened). A return the buyer withdrew does not count; an order with
 * both a marketplace dispute and a chargeback counts once. The page divides each by the paid
 * orders of the same period (afterSaleRate). Scoped to the seller through the order.
 */
export async function countAfterSaleCases(opts: {
  sellerId: string;
  range: AnalyticsRange;
}): Promise<{ current: AfterSaleCounts; previous: AfterSaleCounts }> {
  const { sellerId, range } = opts;
  const lo = range.previous.from;
  const mid = range.from;
  const to = range.to;
  const rows = await db().$queryRaw<{ current: boolean; kind: string; n: number }[]>`
    SELECT c.current, c.kind, count(DISTINCT c.ref)::int AS n FROM (
      SELECT r.created_at >= ${mid}::timestamp AS current, 'refund' AS kind, r.order_id AS ref
        FROM refunds r JOIN orders o ON o.id = r.order_id
       WHERE o.seller_id = ${sellerId}::uuid AND r.status = 'succeeded'
         AND r.created_at >= ${lo}::timestamp AND r.created_at < ${to}::timestamp + interval '1 day'
      UNION ALL
      SELECT r.created_at >= ${mid}::timestamp, 'return', r.id
        FROM returns r JOIN orders o ON o.id = r.order_id
       WHERE o.seller_id = ${sellerId}::uuid AND r.status <> 'cancelled'
         AND r.created_at >= ${lo}::timestamp AND r.created_at < ${to}::timestamp + interval '1 day'
      UNION ALL
      SELECT d.created_at >= ${mid}::timestamp, 'dispute', d.order_id
        FROM disputes d JOIN orders o ON o.id = d.order_id
       WHERE o.seller_id = ${sellerId}::uuid
         AND d.created_at >= ${lo}::timestamp AND d.created_at < ${to}::timestamp + interval '1 day'
      UNION ALL
      SELECT c.created_at >= ${mid}::timestamp, 'dispute', c.order_id
        FROM chargebacks c JOIN orders o ON o.id = c.order_id
       WHERE o.seller_id = ${sellerId}::uuid
         AND c.created_at >= ${lo}::timestamp AND c.created_at < ${to}::timestamp + interval '1 day'
    ) c GROUP BY c.current, c.kind`;
  const of = (current: boolean): AfterSaleCounts => {
    const n = (kind: string) => rows.find((r) => r.current === current && r.kind === kind)?.n ?? 0;
    return { refundedOrders: n("refund"), returns: n("return"), disputedOrders: n("dispute") };
  };
  return { current: of(true), previous: of(false) };
}

/** Cases per paid order of the same period, 0..1 (it can pass 1 when older orders come back); null without paid orders. */
export function afterSaleRate(cases: number, paidOrders: number): number | null {
  return paidOrders > 0 ? cases / paidOrders : null;
}
