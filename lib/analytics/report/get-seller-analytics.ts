import "server-only";

import type { DayCounts, DayRevenue, ProductTotals } from "@/lib/analytics/store/analytics-store";
import { getAnalyticsStore } from "@/lib/analytics/store/get-analytics-store";
import { db } from "@/lib/db/client";

import { daysOf, type AnalyticsRange } from "./analytics-range";

const TOP_PRODUCTS = 10;
const TOP_QUERIES = 10;

export type PeriodTotals = Omit<DayCounts, "day"> & {
  /** Per currency, largest first: paid orders and what buyers paid for them. */
  revenue: { currency: string; orders: number; revenueCents: number }[];
};
export type AnalyticsDay = DayCounts & { revenue: Record<string, number> };
export type SearchQueryShare = {
  query: string;
  impressions: number;
  /** The seller's share of all impressions for the query, 0..1. */
  share: number;
  averagePosition: number;
  clicks: number;
};

export type SellerAnalytics = {
  range: AnalyticsRange;
  /** Currencies with sales in either period; the first is the main one (most orders). */
  currencies: string[];
  current: PeriodTotals;
  previous: PeriodTotals;
  days: AnalyticsDay[];
  topProducts: ProductTotals[];
  searchQueries: SearchQueryShare[];
};

function totals(counts: DayCounts[], revenue: DayRevenue[], from: string, to: string): PeriodTotals {
  const inRange = <T extends { day: string }>(rows: T[]) => rows.filter((r) => r.day >= from && r.day <= to);
  const t: PeriodTotals = { views: 0, addToCarts: 0, checkouts: 0, paidOrders: 0, refunds: 0, revenue: [] };
  for (const c of inRange(counts)) {
    t.views += c.views;
    t.addToCarts += c.addToCarts;
    t.checkouts += c.checkouts;
    t.paidOrders += c.paidOrders;
    t.refunds += c.refunds;
  }
  const byCurrency = new Map<string, { currency: string; orders: number; revenueCents: number }>();
  for (const r of inRange(revenue)) {
    const cur = byCurrency.get(r.currency) ?? { currency: r.currency, orders: 0, revenueCents: 0 };
    cur.orders += r.orders;
    cur.revenueCents += r.revenueCents;
    byCurrency.set(r.currency, cur);
  }
  t.revenue = [...byCurrency.values()].sort((a, b) => b.orders - a.orders || a.currency.localeCompare(b.currency));
  return t;
}

/**
 * A seller's analytics for a range and the period before it: the funnel (views → carts →
 * checkouts → paid), revenue and orders per day and currency (from the paid orders), the top
 * products by revenue then views, and the search queries their listings were shown for. Exact
 * to the last recorded event (the store reads rollups plus the tail not yet rolled up).
 */
export async function getSellerAnalytics(opts: { sellerId: string; range: AnalyticsRange }): Promise<SellerAnalytics> {
  const { sellerId, range } = opts;
  const store = getAnalyticsStore();
  const [data, products, searchQueries] = await Promise.all([
    store.readSellerDays({ sellerId, from: range.previous.from, to: range.to }),
    store.readProductTotals({ sellerId, from: range.from, to: range.to }),
    listSellerSearchQueries({ sellerId, from: range.from, to: range.to }),
  ]);
  const current = totals(data.counts, data.revenue, range.from, range.to);
  const previous = totals(data.counts, data.revenue, range.previous.from, range.previous.to);
  const currencies = [...new Set([...current.revenue, ...previous.revenue].map((r) => r.currency))];

  const countsByDay = new Map(data.counts.map((c) => [c.day, c]));
  const days = daysOf(range).map((day): AnalyticsDay => {
    const c = countsByDay.get(day);
    const revenue: Record<string, number> = {};
    for (const cur of currencies) revenue[cur] = 0;
    for (const r of data.revenue) if (r.day === day) revenue[r.currency] = r.revenueCents;
    return {
      day,
      views: c?.views ?? 0,
      addToCarts: c?.addToCarts ?? 0,
      checkouts: c?.checkouts ?? 0,
      paidOrders: c?.paidOrders ?? 0,
      refunds: c?.refunds ?? 0,
      revenue,
    };
  });

  const topProducts = products
    .sort(
      (a, b) =>
        b.revenueCents - a.revenueCents ||
        b.unitsSold - a.unitsSold ||
        b.views - a.views ||
        a.title.localeCompare(b.title),
    )
    .slice(0, TOP_PRODUCTS);
  return { range, currencies, current, previous, days, topProducts, searchQueries };
}

/** The queries that showed this seller's listings most in the range: impressions, share of the query's, average position, clicks. */
async function listSellerSearchQueries(opts: {
  sellerId: string;
  from: string;
  to: string;
}): Promise<SearchQueryShare[]> {
  const { sellerId, from, to } = opts;
  return db().$queryRaw<SearchQueryShare[]>`
    WITH mine AS (
      SELECT e.query, count(*) FILTER (WHERE e.kind = 'impression')::int AS impressions,
             coalesce(avg(e.position) FILTER (WHERE e.kind = 'impression'), 0)::float8 AS avg_position,
             count(*) FILTER (WHERE e.kind = 'click')::int AS clicks
        FROM search_events e JOIN products p ON p.id = e.product_id
       WHERE p.seller_id = ${sellerId}::uuid AND e.kind IN ('impression', 'click') AND e.query <> ''
         AND e.created_at >= ${from}::timestamp AND e.created_at < ${to}::timestamp + interval '1 day'
       GROUP BY e.query
      HAVING count(*) FILTER (WHERE e.kind = 'impression') > 0
       ORDER BY impressions DESC, e.query LIMIT ${TOP_QUERIES}
    )
    SELECT m.query, m.impressions, m.clicks, round(m.avg_position::numeric, 1)::float8 AS "averagePosition",
           (m.impressions::float8 / greatest(1, (
              SELECT count(*) FROM search_events t
               WHERE t.query = m.query AND t.kind = 'impression'
                 AND t.created_at >= ${from}::timestamp AND t.created_at < ${to}::timestamp + interval '1 day'))) AS share
      FROM mine m ORDER BY m.impressions DESC, m.query`;
}
