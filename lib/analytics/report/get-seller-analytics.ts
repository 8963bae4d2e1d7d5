import "server-only";

import type { DayCounts, DayRevenue, ProductTotals, SearchQueryShare } from "@/lib/analytics/store/analytics-store";
import { getAnalyticsStore } from "@/lib/analytics/store/get-analytics-store";

import { daysOf, type AnalyticsRange } from "./analytics-range";

const TOP_PRODUCTS = 10;
const TOP_QUERIES = 10;

export type { SearchQueryShare };

export type PeriodTotals = Omit<DayCounts, "day"> & {
  /** Per currency, largest first: paid orders and what buyers paid for them. */
  revenue: { currency: string; orders: number; revenueCents: number }[];
};
export type AnalyticsDay = DayCounts & { revenue: Record<string, number> };

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
  const [data, topProducts, searchQueries] = await Promise.all([
    store.readSellerDays({ sellerId, from: range.previous.from, to: range.to }),
    store.readTopProducts({ sellerId, from: range.from, to: range.to, limit: TOP_PRODUCTS }),
    store.readSearchQueries({ sellerId, from: range.from, to: range.to, limit: TOP_QUERIES }),
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

  return { range, currencies, current, previous, days, topProducts, searchQueries };
}
