import "server-only";

import { rollUpAnalytics } from "@/lib/analytics/rollups/roll-up-analytics";
import { db, type Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

import {
  compareProducts,
  type AnalyticsStore,
  type DayCounts,
  type DayRevenue,
  type ProductTotals,
  type SearchQueryShare,
  type UnitsSold,
} from "./analytics-store";
import { rollupSpans } from "./rollup-spans";

// A year of a large shop's rows takes a while on a busy machine (docs/BENCHMARKS.md); Prisma's
// 5 s default would fail the page rather than show it late.
const SNAPSHOT = { isolationLevel: "RepeatableRead", timeout: 20_000 } as const;

/**
 * The rollup watermark, read as a value first: every event at or above it is the tail not yet
 * rolled up. Passed to the tail's conditions as a constant, the planner sees that it selects the
 * few newest events and reads them by the xact_id index; as a subquery (an InitPlan, value
 * unknown when planning) it chose the query index for the search share's tail and read all of a
 * query's impressions in the range to keep none (docs/BENCHMARKS.md).
 */
async function watermark(tx: Tx): Promise<Prisma.Sql> {
  const [row] = await tx.$queryRaw<
    { w: string }[]
  >`SELECT xact_watermark::text AS w FROM analytics_rollup_state WHERE id = 1`;
  return Prisma.sql`${row.w}::xid8`;
}

/**
 * The PostgreSQL store: hourly, daily and monthly rollups, and the tail of events above the
 * rollup's watermark aggregated on read (at most a minute's worth while the worker runs), in
 * one REPEATABLE READ snapshot so a batch being rolled up is counted exactly once. A range is
 * read as its whole months plus the days at its edges (rollupSpans). Every statement is scoped
 * to the seller in its WHERE.
 */
export function postgresAnalyticsStore(): AnalyticsStore {
  /** Units and revenue per product and currency over [from, to]: the rollup rows that sold (a partial index) plus the tail. */
  function soldSql(w: Prisma.Sql, sellerId: string, from: string, to: string): Prisma.Sql {
    const { headDays, months, tailDays } = rollupSpans(from, to);
    return Prisma.sql`
      SELECT product_id, currency, sum(units) AS units, sum(revenue) AS revenue FROM (
        SELECT product_id, currency, units_sold AS units, revenue_cents AS revenue FROM analytics_product_rollups
         WHERE seller_id = ${sellerId}::uuid AND units_sold > 0 AND grain = 'day'
           AND bucket >= ${headDays.from}::timestamp AND bucket < ${headDays.to}::timestamp
        UNION ALL
        SELECT product_id, currency, units_sold, revenue_cents FROM analytics_product_rollups
         WHERE seller_id = ${sellerId}::uuid AND units_sold > 0 AND grain = 'month'
           AND bucket >= ${months.from}::timestamp AND bucket < ${months.to}::timestamp
        UNION ALL
        SELECT product_id, currency, units_sold, revenue_cents FROM analytics_product_rollups
         WHERE seller_id = ${sellerId}::uuid AND units_sold > 0 AND grain = 'day'
           AND bucket >= ${tailDays.from}::timestamp AND bucket < ${tailDays.to}::timestamp
        UNION ALL
        SELECT oi.product_id, oi.currency, oi.quantity, oi.quantity::bigint * oi.unit_price_cents
          FROM analytics_events e JOIN orders o ON o.id = e.order_id AND o.seller_id = e.seller_id
          JOIN order_items oi ON oi.order_id = o.id
         WHERE e.xact_id >= ${w} AND e.kind = 'order_paid' AND e.seller_id = ${sellerId}::uuid
           AND e.occurred_at >= ${from}::timestamp AND e.occurred_at < ${to}::timestamp + interval '1 day'
      ) x
     GROUP BY product_id, currency
    HAVING sum(units) > 0`;
  }

  /**
   * Views, carts, units and revenue per (product, currency) over [from, to], of the given
   * products only (by the product index), or of all the seller's (productIds null).
   */
  async function readTotals(
    tx: Tx,
    w: Prisma.Sql,
    opts: { sellerId: string; from: string; to: string; productIds: string[] | null },
  ): Promise<ProductTotals[]> {
    const { sellerId, from, to, productIds } = opts;
    const { headDays, months, tailDays } = rollupSpans(from, to);
    // Separate statements rather than "$all OR product_id = ANY($ids)", which a generic plan could not use the product index for.
    const only = (column: Prisma.Sql) =>
      productIds === null ? Prisma.empty : Prisma.sql`AND ${column} = ANY(${productIds}::uuid[])`;
    return tx.$queryRaw<ProductTotals[]>`
      SELECT x.product_id::text AS "productId", p.title, x.currency, sum(x.views)::int AS "views",
             sum(x.carts)::int AS "addToCarts", sum(x.units)::int AS "unitsSold", sum(x.revenue)::float8 AS "revenueCents"
        FROM (
          SELECT product_id, currency, views, add_to_carts AS carts, units_sold AS units, revenue_cents AS revenue
            FROM analytics_product_rollups
           WHERE seller_id = ${sellerId}::uuid ${only(Prisma.sql`product_id`)}
             AND ((grain = 'day' AND bucket >= ${headDays.from}::timestamp AND bucket < ${headDays.to}::timestamp)
               OR (grain = 'month' AND bucket >= ${months.from}::timestamp AND bucket < ${months.to}::timestamp)
               OR (grain = 'day' AND bucket >= ${tailDays.from}::timestamp AND bucket < ${tailDays.to}::timestamp))
          UNION ALL
          SELECT e.product_id, p.currency, (e.kind = 'product_view')::int, (e.kind = 'add_to_cart')::int, 0, 0::bigint
            FROM analytics_events e JOIN products p ON p.id = e.product_id
           WHERE e.xact_id >= ${w}
             AND e.kind IN ('product_view', 'add_to_cart') AND e.seller_id = ${sellerId}::uuid
             ${only(Prisma.sql`e.product_id`)}
             AND e.occurred_at >= ${from}::timestamp AND e.occurred_at < ${to}::timestamp + interval '1 day'
          UNION ALL
          SELECT oi.product_id, oi.currency, 0, 0, oi.quantity, oi.quantity::bigint * oi.unit_price_cents
            FROM analytics_events e JOIN orders o ON o.id = e.order_id AND o.seller_id = e.seller_id
            JOIN order_items oi ON oi.order_id = o.id
           WHERE e.xact_id >= ${w}
             AND e.kind = 'order_paid' AND e.seller_id = ${sellerId}::uuid
             ${only(Prisma.sql`oi.product_id`)}
             AND e.occurred_at >= ${from}::timestamp AND e.occurred_at < ${to}::timestamp + interval '1 day'
        ) x JOIN products p ON p.id = x.product_id AND p.seller_id = ${sellerId}::uuid
       GROUP BY x.product_id, p.title, x.currency`;
  }

  return {
    rollUp: rollUpAnalytics,
    async readSellerDays({ sellerId, from, to }) {
      return db().$transaction(async (tx) => {
        const w = await watermark(tx);
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
                 WHERE xact_id >= ${w}
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
                 WHERE e.xact_id >= ${w}
                   AND e.kind = 'order_paid' AND e.seller_id = ${sellerId}::uuid
                   AND e.occurred_at >= ${from}::timestamp AND e.occurred_at < ${to}::timestamp + interval '1 day'
              ) x
             GROUP BY 1, 2 ORDER BY 1, 2`;
        return { counts, revenue };
      }, SNAPSHOT);
    },
    async readTopProducts({ sellerId, from, to, limit }) {
      return db().$transaction(async (tx) => {
        const w = await watermark(tx);
        // Rank what sold by revenue then units (compareProducts' first keys) in SQL, keeping every
        // product tied with the last one kept (rank, not row_number); only those need views and
        // carts, read by the product index. Fewer than `limit` sold: the rest rank by views, so
        // read every product's totals (a shop with few sales has few rows that sold, but its
        // views may span all listings).
        const ranked = await tx.$queryRaw<{ productId: string; sold: number }[]>`
          SELECT product_id::text AS "productId", sold::int FROM (
            SELECT product_id, rank() OVER (ORDER BY revenue DESC, units DESC) AS r, count(*) OVER () AS sold
              FROM (${soldSql(w, sellerId, from, to)}) s
          ) t WHERE r <= ${limit}`;
        const candidates =
          ranked.length > 0 && ranked[0].sold >= limit ? [...new Set(ranked.map((r) => r.productId))] : null;
        const totals = await readTotals(tx, w, { sellerId, from, to, productIds: candidates });
        return totals.sort(compareProducts).slice(0, limit);
      }, SNAPSHOT);
    },
    async readSearchQueries({ sellerId, from, to, limit }) {
      const { headDays, months, tailDays } = rollupSpans(from, to);
      // The spans of a rollup table with the given alias, as one condition.
      const inSpans = (r: Prisma.Sql) => Prisma.sql`(
           (${r}.grain = 'day' AND ${r}.bucket >= ${headDays.from}::timestamp AND ${r}.bucket < ${headDays.to}::timestamp)
        OR (${r}.grain = 'month' AND ${r}.bucket >= ${months.from}::timestamp AND ${r}.bucket < ${months.to}::timestamp)
        OR (${r}.grain = 'day' AND ${r}.bucket >= ${tailDays.from}::timestamp AND ${r}.bucket < ${tailDays.to}::timestamp))`;
      const inRange = (t: Prisma.Sql) =>
        Prisma.sql`${t}.created_at >= ${from}::timestamp AND ${t}.created_at < ${to}::timestamp + interval '1 day'`;
      return db().$transaction(async (tx) => {
        const w = await watermark(tx);
        return tx.$queryRaw<SearchQueryShare[]>`
          WITH mine AS (
            SELECT query, sum(impressions)::int AS impressions, sum(positioned)::int AS positioned,
                   sum(position_sum)::float8 AS position_sum, sum(clicks)::int AS clicks
              FROM (
                SELECT r.query, r.impressions, r.positioned, r.position_sum, r.clicks FROM analytics_search_rollups r
                 WHERE r.seller_id = ${sellerId}::uuid AND ${inSpans(Prisma.sql`r`)}
                UNION ALL
                SELECT e.query, (e.kind = 'impression')::int, (e.kind = 'impression' AND e.position IS NOT NULL)::int,
                       CASE WHEN e.kind = 'impression' THEN coalesce(e.position, 0) ELSE 0 END, (e.kind = 'click')::int
                  FROM search_events e JOIN products p ON p.id = e.product_id AND p.seller_id = ${sellerId}::uuid
                 WHERE e.xact_id >= ${w} AND e.kind IN ('impression', 'click') AND e.query <> '' AND ${inRange(Prisma.sql`e`)}
              ) x
             GROUP BY query HAVING sum(impressions) > 0
             ORDER BY impressions DESC, query LIMIT ${limit}
          )
          SELECT m.query, m.impressions, m.clicks,
                 round((CASE WHEN m.positioned > 0 THEN m.position_sum / m.positioned ELSE 0 END)::numeric, 1)::float8 AS "averagePosition",
                 (m.impressions::float8 / greatest(1, (
                    SELECT coalesce(sum(n), 0) FROM (
                      SELECT q.impressions AS n FROM analytics_query_rollups q WHERE q.query = m.query AND ${inSpans(Prisma.sql`q`)}
                      UNION ALL
                      SELECT 1 FROM search_events t
                       WHERE t.xact_id >= ${w} AND t.query = m.query AND t.kind = 'impression' AND ${inRange(Prisma.sql`t`)}
                    ) s))) AS share
            FROM mine m ORDER BY m.impressions DESC, m.query`;
      }, SNAPSHOT);
    },
    async readUnitsSold({ sellerId, from, to }) {
      return db().$transaction(async (tx) => {
        const w = await watermark(tx);
        // One statement with the listing's stock: a shop's ~8,000 selling listings are not sent
        // to this process and back as a list of ids.
        return tx.$queryRaw<UnitsSold[]>`
          SELECT p.id::text AS "productId", p.title, p.inventory_count AS "inventoryCount", s.units::int AS units
            FROM (SELECT product_id, sum(units) AS units FROM (${soldSql(w, sellerId, from, to)}) x GROUP BY product_id) s
            JOIN products p ON p.id = s.product_id AND p.seller_id = ${sellerId}::uuid AND p.status = 'active'`;
      }, SNAPSHOT);
    },
  };
}
