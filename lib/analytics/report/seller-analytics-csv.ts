import type { SellerAnalytics } from "./get-seller-analytics";

/** Minor units as a plain decimal ("1234.50"): spreadsheets read it as a number, whatever their locale's currency. */
const major = (cents: number) => (cents / 100).toFixed(2);

/**
 * One row a UTC day, then a `total` row: the funnel counts, paid orders and revenue per currency
 * (what buyers paid, from the orders). The same numbers as the analytics page for that range.
 */
export function sellerAnalyticsCsv(a: SellerAnalytics): string {
  const header = ["date", "product_views", "add_to_carts", "checkouts_started", "paid_orders", "refunds"];
  header.push(...a.currencies.map((c) => `revenue_${c}`));
  const rows = a.days.map((d) => [
    d.day,
    d.views,
    d.addToCarts,
    d.checkouts,
    d.paidOrders,
    d.refunds,
    ...a.currencies.map((c) => major(d.revenue[c] ?? 0)),
  ]);
  const t = a.current;
  const revenueOf = (c: string) => t.revenue.find((r) => r.currency === c)?.revenueCents ?? 0;
  rows.push([
    "total",
    t.views,
    t.addToCarts,
    t.checkouts,
    t.paidOrders,
    t.refunds,
    ...a.currencies.map((c) => major(revenueOf(c))),
  ]);
  return [header, ...rows].map((r) => r.join(",")).join("\r\n") + "\r\n";
}
