import "server-only";

import { db, type Tx } from "@/lib/db/client";

// pg_try_advisory_xact_lock key: one rollup at a time across workers ("ANLY").
const ROLLUP_LOCK = 0x414e4c59;

/** events: analytics and search events folded. */
export type RollupRun = { ran: boolean; events: number };

/**
 * Folds the events recorded since the last run into the hourly, daily and monthly rollups, in one
 * transaction that also moves the watermark, so a run either counts a batch once or not at all
 * and any run may be repeated. The watermark is the inserting transaction's id, not the event
 * id: sequence ids are taken before commit, so a lower id can appear after a higher one was
 * counted; every transaction below the snapshot's xmin has ended, so [watermark, xmin) is
 * complete and the ranges of successive runs never overlap. Revenue and units are read from
 * the orders and items an order_paid event names (the amounts' authority), per currency.
 */
export async function rollUpAnalytics(): Promise<RollupRun> {
  return db().$transaction(
    async (tx) => {
      const [{ locked }] = await tx.$queryRaw<
        { locked: boolean }[]
      >`SELECT pg_try_advisory_xact_lock(${ROLLUP_LOCK}) AS locked`;
      if (!locked) return { ran: false, events: 0 };
      const [range] = await tx.$queryRaw<{ lo: string; hi: string }[]>`
        SELECT xact_watermark::text AS lo, pg_snapshot_xmin(pg_current_snapshot())::text AS hi
          FROM analytics_rollup_state WHERE id = 1 FOR UPDATE`;
      if (BigInt(range.hi) <= BigInt(range.lo)) return { ran: true, events: 0 };
      const events = await tx.$executeRaw`
        CREATE TEMP TABLE analytics_batch ON COMMIT DROP AS
        SELECT kind, seller_id, product_id, order_id, occurred_at FROM analytics_events
         WHERE xact_id >= ${range.lo}::xid8 AND xact_id < ${range.hi}::xid8`;
      if (events > 0) await foldBatch(tx);
      // Search impressions and clicks under the same watermark (search_events.xact_id likewise).
      const searchEvents = await tx.$executeRaw`
        CREATE TEMP TABLE analytics_search_batch ON COMMIT DROP AS
        SELECT kind, query, product_id, position, created_at FROM search_events
         WHERE xact_id >= ${range.lo}::xid8 AND xact_id < ${range.hi}::xid8 AND kind IN ('impression', 'click') AND query <> ''`;
      if (searchEvents > 0) await foldSearchBatch(tx);
      await tx.$executeRaw`
        UPDATE analytics_rollup_state SET xact_watermark = ${range.hi}::xid8, updated_at = CURRENT_TIMESTAMP WHERE id = 1`;
      return { ran: true, events: events + searchEvents };
    },
    { timeout: 120_000 },
  );
}

// Each insert is ordered by its key so concurrent upserts (none today: the lock) would lock rows in one order.
async function foldBatch(tx: Tx): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO analytics_seller_rollups AS r (seller_id, grain, bucket, views, add_to_carts, checkouts, paid_orders, refunds)
    SELECT b.seller_id, g.grain::"AnalyticsGrain", date_trunc(g.grain, b.occurred_at) AS bucket,
           count(*) FILTER (WHERE b.kind = 'product_view'), count(*) FILTER (WHERE b.kind = 'add_to_cart'),
           count(*) FILTER (WHERE b.kind = 'checkout_started'), count(*) FILTER (WHERE b.kind = 'order_paid'),
           count(*) FILTER (WHERE b.kind = 'refund')
      FROM analytics_batch b CROSS JOIN (VALUES ('hour'), ('day'), ('month')) AS g(grain)
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (seller_id, grain, bucket) DO UPDATE SET
      views = r.views + EXCLUDED.views, add_to_carts = r.add_to_carts + EXCLUDED.add_to_carts,
      checkouts = r.checkouts + EXCLUDED.checkouts, paid_orders = r.paid_orders + EXCLUDED.paid_orders,
      refunds = r.refunds + EXCLUDED.refunds`;
  await tx.$executeRaw`
    INSERT INTO analytics_revenue_rollups AS r (seller_id, grain, bucket, currency, orders, revenue_cents)
    SELECT b.seller_id, g.grain::"AnalyticsGrain", date_trunc(g.grain, b.occurred_at), o.currency, count(*), sum(o.total_cents)
      FROM analytics_batch b JOIN orders o ON o.id = b.order_id AND o.seller_id = b.seller_id
     CROSS JOIN (VALUES ('hour'), ('day'), ('month')) AS g(grain)
     WHERE b.kind = 'order_paid'
     GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (seller_id, grain, bucket, currency) DO UPDATE SET
      orders = r.orders + EXCLUDED.orders, revenue_cents = r.revenue_cents + EXCLUDED.revenue_cents`;
  await tx.$executeRaw`
    INSERT INTO analytics_product_rollups AS r
      (seller_id, grain, bucket, product_id, currency, views, add_to_carts, units_sold, revenue_cents)
    SELECT x.seller_id, g.grain::"AnalyticsGrain", date_trunc(g.grain, x.occurred_at), x.product_id, x.currency,
           sum(x.views), sum(x.carts), sum(x.units), sum(x.revenue)
      FROM (
        SELECT b.seller_id, b.product_id, p.currency, b.occurred_at,
               (b.kind = 'product_view')::int AS views, (b.kind = 'add_to_cart')::int AS carts, 0 AS units, 0::bigint AS revenue
          FROM analytics_batch b JOIN products p ON p.id = b.product_id
         WHERE b.kind IN ('product_view', 'add_to_cart')
        UNION ALL
        SELECT b.seller_id, oi.product_id, oi.currency, b.occurred_at, 0, 0, oi.quantity, oi.quantity::bigint * oi.unit_price_cents
          FROM analytics_batch b JOIN orders o ON o.id = b.order_id AND o.seller_id = b.seller_id
          JOIN order_items oi ON oi.order_id = o.id
         WHERE b.kind = 'order_paid'
      ) x CROSS JOIN (VALUES ('hour'), ('day'), ('month')) AS g(grain)
     GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (seller_id, grain, bucket, product_id, currency) DO UPDATE SET
      views = r.views + EXCLUDED.views, add_to_carts = r.add_to_carts + EXCLUDED.add_to_carts,
      units_sold = r.units_sold + EXCLUDED.units_sold, revenue_cents = r.revenue_cents + EXCLUDED.revenue_cents`;
}

/**
 * A seller's impressions (with positions, for the average) and clicks per query, and every
 * seller's impressions per query (the share's denominator), per day and month. A listing's
 * seller is read from the listing, as the page's raw query did.
 */
async function foldSearchBatch(tx: Tx): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO analytics_search_rollups AS r (seller_id, grain, bucket, query, impressions, positioned, position_sum, clicks)
    SELECT p.seller_id, g.grain::"AnalyticsGrain", date_trunc(g.grain, b.created_at), b.query,
           count(*) FILTER (WHERE b.kind = 'impression'), count(b.position) FILTER (WHERE b.kind = 'impression'),
           coalesce(sum(b.position) FILTER (WHERE b.kind = 'impression'), 0), count(*) FILTER (WHERE b.kind = 'click')
      FROM analytics_search_batch b JOIN products p ON p.id = b.product_id
     CROSS JOIN (VALUES ('day'), ('month')) AS g(grain)
     GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (seller_id, grain, bucket, query) DO UPDATE SET
      impressions = r.impressions + EXCLUDED.impressions, positioned = r.positioned + EXCLUDED.positioned,
      position_sum = r.position_sum + EXCLUDED.position_sum, clicks = r.clicks + EXCLUDED.clicks`;
  await tx.$executeRaw`
    INSERT INTO analytics_query_rollups AS r (query, grain, bucket, impressions)
    SELECT b.query, g.grain::"AnalyticsGrain", date_trunc(g.grain, b.created_at), count(*)
      FROM analytics_search_batch b CROSS JOIN (VALUES ('day'), ('month')) AS g(grain)
     WHERE b.kind = 'impression'
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (query, grain, bucket) DO UPDATE SET impressions = r.impressions + EXCLUDED.impressions`;
}
