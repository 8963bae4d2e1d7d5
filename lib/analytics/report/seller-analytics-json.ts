import type { PeriodTotals, SellerAnalytics } from "./get-seller-analytics";

const periodJson = (p: PeriodTotals) => ({
  product_views: p.views,
  add_to_carts: p.addToCarts,
  checkouts_started: p.checkouts,
  paid_orders: p.paidOrders,
  refunds: p.refunds,
  revenue: p.revenue.map((r) => ({
    currency: r.currency,
    orders: r.orders,
    revenue_cents: r.revenueCents,
    average_order_cents: r.orders ? Math.round(r.revenueCents / r.orders) : 0,
  })),
});

/** The API's shape of a seller's analytics (amounts in minor units, days as YYYY-MM-DD in UTC). */
export function sellerAnalyticsJson(a: SellerAnalytics) {
  return {
    from: a.range.from,
    to: a.range.to,
    previous: { from: a.range.previous.from, to: a.range.previous.to },
    currencies: a.currencies,
    totals: periodJson(a.current),
    previous_totals: periodJson(a.previous),
    days: a.days.map((d) => ({
      date: d.day,
      product_views: d.views,
      add_to_carts: d.addToCarts,
      checkouts_started: d.checkouts,
      paid_orders: d.paidOrders,
      refunds: d.refunds,
      revenue_cents: d.revenue,
    })),
    top_products: a.topProducts.map((p) => ({
      product_id: p.productId,
      title: p.title,
      currency: p.currency,
      product_views: p.views,
      add_to_carts: p.addToCarts,
      units_sold: p.unitsSold,
      revenue_cents: p.revenueCents,
    })),
    search_queries: a.searchQueries.map((q) => ({
      query: q.query,
      impressions: q.impressions,
      impression_share: q.share,
      average_position: q.averagePosition,
      clicks: q.clicks,
    })),
  };
}
