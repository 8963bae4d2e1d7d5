import "server-only";

import { rollUpAnalytics } from "@/lib/analytics/rollups/roll-up-analytics";
import { db } from "@/lib/db/client";

import type { AnalyticsStore, DayCounts, DayRevenue, ProductTotals } from "./analytics-store";

/**
 * The PostgreSQL store: daily rollups, and the tail of events above the rollup's watermark
 * aggregated on read (at most a minute's worth while the worker runs), in one REPEATABLE READ
 * snapshot so a batch being rolled up is counted exactly once. Every statement is scoped to the
 * seller in its WHERE.
 */
export function postgresAnalyticsStore(): AnalyticsStore {
  return {
    rollUp: rollUpAnalytics,
    async readSellerDays({ sellerId, from, to }) {
      return db().$transaction(
        async (tx) => {
          const counts = await tx.$queryRaw<DayCounts[]>`
            SELECT to_char(bucket, 'YYYY-MM-DD') AS day, sum(views)::int AS "views", sum(add_to_carts)::int AS "addToCarts",
                   sum(checkouts)::int AS "checkouts", sum(paid_orders)::int AS "paidOrders", sum(refunds)::int AS "refunds"
              FROM (
                SELECT bucket, views, add_to_carts, checkouts, paid_orders, refunds FROM analytics_seller_rollups
                 WHERE seller_id = ${sellerId}::uuid AND grain = 'day'
                   AND bucket >= ${from}::timestamp AND bucket < ${to}::timestamp + interval '1 day'
                UNION ALL
                SELECT date_trunc('day', occurred_at), (kind = 'product_view')::int, (kind = 'add_to_cart')::int,
                       (kind = 'checkout_started')::int, (kind = 'order_paid')::int, (kind = 'refund')::int
                  FROM analytics_events
                 WHERE xact_id >= (SELECT xact_watermark FROM analytics_rollup_state WHERE id = 1)
                   AND seller_id = ${sellerId}::uuid
                   AND occurred_at >= ${from}::timestamp AND occurred_at < ${to}::timestamp + interval '1 day'
              ) x
             GROUP BY 1 ORDER BY 1`;
          const revenue = await tx.$queryRaw<DayRevenue[]>`
            SELECT to_char(bucket, 'YYYY-MM-DD') AS day, currency, sum(orders)::int AS "orders", sum(revenue_cents)::float8 AS "revenueCents"
              FROM (
                SELECT bucket, currency, orders, revenue_cents FROM analytics_revenue_rollups
                 WHERE seller_id = ${sellerId}::uuid AND grain = 'day'
                   AND bucket >= ${from}::timestamp AND bucket < ${to}::timestamp + interval '1 day'
                UNION ALL
                SELECT date_trunc('day', e.occurred_at), o.currency, 1, o.total_cents
                  FROM analytics_events e JOIN orders o ON o.id = e.order_id AND o.seller_id = e.seller_id
                 WHERE e.xact_id >= (SELECT xact_watermark FROM analytics_rollup_state WHERE id = 1)
                   AND e.kind = 'order_paid' AND e.seller_id = ${sellerId}::uuid
                   AND e.occurred_at >= ${from}::timestamp AND e.occurred_at < ${to}::timestamp + interval '1 day'
              ) x
             GROUP BY 1, 2 ORDER BY 1, 2`;
          return { counts, revenue };
        },
        // A year of a large shop's day rows takes seconds on a busy machine (docs/BENCHMARKS.md);
        // Prisma's 5 s default would fail the page rather than show it late.
        { isolationLevel: "RepeatableRead", timeout: 20_000 },
      );
    },
    async readProductTotals({ sellerId, from, to }) {
      return db().$transaction(
        async (tx) => {
          return tx.$queryRaw<ProductTotals[]>`
            SELECT x.product_id::text AS "productId", p.title, x.currency, sum(x.views)::int AS "views",
                   sum(x.carts)::int AS "addToCarts", sum(x.units)::int AS "unitsSold", sum(x.revenue)::float8 AS "revenueCents"
              FROM (
                SELECT product_id, currency, views, add_to_carts AS carts, units_sold AS units, revenue_cents AS revenue
                  FROM analytics_product_rollups
                 WHERE seller_id = ${sellerId}::uuid AND grain = 'day'
                   AND bucket >= ${from}::timestamp AND bucket < ${to}::timestamp + interval '1 day'
                UNION ALL
                SELECT e.product_id, p.currency, (e.kind = 'product_view')::int, (e.kind = 'add_to_cart')::int, 0, 0::bigint
                  FROM analytics_events e JOIN products p ON p.id = e.product_id
                 WHERE e.xact_id >= (SELECT xact_watermark FROM analytics_rollup_state WHERE id = 1)
                   AND e.kind IN ('product_view', 'add_to_cart') AND e.seller_id = ${sellerId}::uuid
                   AND e.occurred_at >= ${from}::timestamp AND e.occurred_at < ${to}::timestamp + interval '1 day'
                UNION ALL
                SELECT oi.product_id, oi.currency, 0, 0, oi.quantity, oi.quantity::bigint * oi.unit_price_cents
                  FROM analytics_events e JOIN orders o ON o.id = e.order_id AND o.seller_id = e.seller_id
                  JOIN order_items oi ON oi.order_id = o.id
                 WHERE e.xact_id >= (SELECT xact_watermark FROM analytics_rollup_state WHERE id = 1)
                   AND e.kind = 'order_paid' AND e.seller_id = ${sellerId}::uuid
                   AND e.occurred_at >= ${from}::timestamp AND e.occurred_at < ${to}::timestamp + interval '1 day'
              ) x JOIN products p ON p.id = x.product_id AND p.seller_id = ${sellerId}::uuid
             GROUP BY x.product_id, p.title, x.currency`;
        },
        // A year of a large shop's day rows takes seconds on a busy machine (docs/BENCHMARKS.md);
        // Prisma's 5 s default would fail the page rather than show it late.
        { isolationLevel: "RepeatableRead", timeout: 20_000 },
      );
    },
  };
}
