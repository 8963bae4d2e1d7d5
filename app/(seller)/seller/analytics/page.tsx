import { headers } from "next/headers";

import { FunnelChart, RevenueChart } from "@/components/analytics/analytics-charts";
import { AnalyticsRangeForm } from "@/components/analytics/analytics-range-form";
import { periodChange } from "@/components/analytics/period-change";
import { Alert } from "@/components/ui/alert";
import { Cell, DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { dayLabeller, describeRange } from "@/lib/analytics/report/format-range";
import { getSellerAnalytics } from "@/lib/analytics/report/get-seller-analytics";
import { readAnalyticsRange } from "@/lib/analytics/report/read-analytics-range";
import { viewerLocale } from "@/lib/analytics/report/viewer-locale";
import { countAfterSaleCases } from "@/lib/analytics/shop-health/count-after-sale-cases";
import { getInventoryForecast } from "@/lib/analytics/shop-health/get-inventory-forecast";
import { getPayoutSummary } from "@/lib/analytics/shop-health/get-payout-summary";
import { getRatingTrend } from "@/lib/analytics/shop-health/get-rating-trend";
import { requirePageSeller } from "@/lib/auth/guards";
import { formatMoney } from "@/lib/money/format-money";

import { AfterSaleSection, ForecastSection, PayoutsSection, RatingSection } from "./shop-health-sections";

export const metadata = { title: "Analytics" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SellerAnalyticsPage({ searchParams }: Props) {
  const seller = await requirePageSeller("/seller/analytics");
  const { range, error } = readAnalyticsRange(await searchParams);
  const locale = viewerLocale((await headers()).get("accept-language"));
  const sellerId = seller.sellerId;
  const [report, cases, ratings, payouts, forecast] = await Promise.all([
    getSellerAnalytics({ sellerId, range }),
    countAfterSaleCases({ sellerId, range }),
    getRatingTrend({ sellerId, range }),
    getPayoutSummary({ sellerId, range }),
    getInventoryForecast({ sellerId }),
  ]);
  const { current, previous } = report;
  const main = report.currencies[0] ?? "USD";
  const revenueOf = (p: typeof current, c: string) =>
    p.revenue.find((r) => r.currency === c) ?? { orders: 0, revenueCents: 0 };
  const label = dayLabeller(locale);
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const funnel = [
    { step: "Product views", count: current.views },
    { step: "Added to cart", count: current.addToCarts },
    { step: "Checkouts started", count: current.checkouts },
    { step: "Paid orders", count: current.paidOrders },
  ];
  const exportHref = `/api/v1/sellers/${seller.sellerId}/analytics/export?from=${range.from}&to=${range.to}`;
  const cur = revenueOf(current, main);
  const prev = revenueOf(previous, main);

  return (
    <div className="space-y-8">
      <PageHeader title="Analytics" description={describeRange(range, locale)} />
      {error ? <Alert tone="error">{error}</Alert> : null}

      <AnalyticsRangeForm range={range} exportHref={exportHref} />

      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading" className="sr-only">
          Summary
        </h2>
        <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
          <StatCard
            label="Revenue"
            value={formatMoney(cur.revenueCents, main, locale)}
            hint={periodChange(cur.revenueCents, prev.revenueCents)}
          />
          <StatCard
            label="Paid orders"
            value={number.format(current.paidOrders)}
            hint={periodChange(current.paidOrders, previous.paidOrders)}
          />
          <StatCard
            label="Average order value"
            value={cur.orders ? formatMoney(Math.round(cur.revenueCents / cur.orders), main, locale) : "—"}
            hint={
              prev.orders
                ? `${formatMoney(Math.round(prev.revenueCents / prev.orders), main, locale)} previous period`
                : undefined
            }
          />
          <StatCard
            label="Conversion"
            value={current.views ? percent.format(current.paidOrders / current.views) : "—"}
            hint="Paid orders per product view"
          />
        </div>
        {report.currencies.length > 1 ? (
          <p className="mt-2 text-sm text-muted">
            Also sold in:{" "}
            {report.currencies
              .slice(1)
              .map(
                (c) =>
                  `${formatMoney(revenueOf(current, c).revenueCents, c, locale)} (${revenueOf(current, c).orders} orders)`,
              )
              .join(", ")}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="revenue-heading" className="space-y-3">
        <h2 id="revenue-heading" className="text-lg font-semibold">
          Revenue and orders over time ({main})
        </h2>
        <RevenueChart
          locale={locale}
          currency={main}
          days={report.days.map((d) => ({
            day: d.day,
            label: label(d.day),
            revenue: d.revenue[main] ?? 0,
            orders: d.paidOrders,
          }))}
        />
        <details>
          <summary className="cursor-pointer text-sm font-medium">Revenue and orders by day as a table</summary>
          <div className="mt-2">
            <DataTable
              caption="Revenue and paid orders by day"
              columns={[
                { label: "Day" },
                { label: "Paid orders", align: "right" },
                { label: `Revenue (${main})`, align: "right" },
              ]}
            >
              {report.days.map((d) => (
                <tr key={d.day} data-day={d.day}>
                  <Cell nowrap>{label(d.day)}</Cell>
                  <Cell align="right">{number.format(d.paidOrders)}</Cell>
                  <Cell align="right">{formatMoney(d.revenue[main] ?? 0, main, locale)}</Cell>
                </tr>
              ))}
            </DataTable>
          </div>
        </details>
      </section>

      <section aria-labelledby="funnel-heading" className="space-y-3">
        <h2 id="funnel-heading" className="text-lg font-semibold">
          Conversion funnel
        </h2>
        <FunnelChart steps={funnel} />
        <DataTable
          caption="Conversion funnel"
          columns={[
            { label: "Step" },
            { label: "This period", align: "right" },
            { label: "Previous period", align: "right" },
          ]}
        >
          {funnel.map((f, i) => (
            <tr key={f.step}>
              <Cell>{f.step}</Cell>
              <Cell align="right">{number.format(f.count)}</Cell>
              <Cell align="right">
                {number.format([previous.views, previous.addToCarts, previous.checkouts, previous.paidOrders][i])}
              </Cell>
            </tr>
          ))}
        </DataTable>
      </section>

      <section aria-labelledby="products-heading" className="space-y-3">
        <h2 id="products-heading" className="text-lg font-semibold">
          Top products
        </h2>
        {report.topProducts.length === 0 ? (
          <p className="text-sm text-muted">No views or sales in this period yet.</p>
        ) : (
          <DataTable
            caption="Top products by revenue"
            minWidth="md"
            columns={[
              { label: "Product" },
              { label: "Views", align: "right" },
              { label: "Added to cart", align: "right" },
              { label: "Units sold", align: "right" },
              { label: "Revenue", align: "right" },
            ]}
          >
            {report.topProducts.map((p) => (
              <tr key={`${p.productId}-${p.currency}`}>
                <Cell>{p.title}</Cell>
                <Cell align="right">{number.format(p.views)}</Cell>
                <Cell align="right">{number.format(p.addToCarts)}</Cell>
                <Cell align="right">{number.format(p.unitsSold)}</Cell>
                <Cell align="right">{formatMoney(p.revenueCents, p.currency, locale)}</Cell>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <AfterSaleSection
        locale={locale}
        cases={cases}
        paidOrders={{ current: current.paidOrders, previous: previous.paidOrders }}
      />
      <RatingSection locale={locale} trend={ratings} />
      <PayoutsSection locale={locale} payouts={payouts} />
      <ForecastSection locale={locale} forecast={forecast} />

      <section aria-labelledby="search-heading" className="space-y-3">
        <h2 id="search-heading" className="text-lg font-semibold">
          Search queries that showed your listings
        </h2>
        {report.searchQueries.length === 0 ? (
          <p className="text-sm text-muted">Your listings were not shown in search results in this period.</p>
        ) : (
          <DataTable
            caption="Top search queries by impressions"
            columns={[
              { label: "Query" },
              { label: "Impressions", align: "right" },
              { label: "Impression share", align: "right" },
              { label: "Average position", align: "right" },
              { label: "Clicks", align: "right" },
            ]}
          >
            {report.searchQueries.map((q) => (
              <tr key={q.query}>
                <Cell>{q.query}</Cell>
                <Cell align="right">{number.format(q.impressions)}</Cell>
                <Cell align="right">{percent.format(q.share)}</Cell>
                <Cell align="right">{q.averagePosition.toFixed(1)}</Cell>
                <Cell align="right">{number.format(q.clicks)}</Cell>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}
