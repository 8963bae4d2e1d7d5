import { headers } from "next/headers";
import Link from "next/link";

import { RankedBarChart, RevenueChart } from "@/components/analytics/analytics-charts";
import { AnalyticsRangeForm } from "@/components/analytics/analytics-range-form";
import { periodChange } from "@/components/analytics/period-change";
import { Alert } from "@/components/ui/alert";
import { Cell, DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { getPlatformAnalytics, NO_MONEY, type PlatformPeriod } from "@/lib/analytics/platform/get-platform-analytics";
import { dayLabeller, describeRange } from "@/lib/analytics/report/format-range";
import { readAnalyticsRange } from "@/lib/analytics/report/read-analytics-range";
import { viewerLocale } from "@/lib/analytics/report/viewer-locale";
import { requirePageUser } from "@/lib/auth/guards";
import { formatMoney } from "@/lib/money/format-money";

export const metadata = { title: "Platform analytics" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminAnalyticsPage({ searchParams }: Props) {
  const admin = await requirePageUser("/admin/analytics", "admin");
  const { range, error } = readAnalyticsRange(await searchParams);
  const locale = viewerLocale((await headers()).get("accept-language"));
  const report = await getPlatformAnalytics({ viewer: admin, range });
  const { current, previous } = report;
  const main = report.currencies[0] ?? "USD";
  const moneyIn = (p: PlatformPeriod, c: string) =>
    p.money.find((m) => m.currency === c) ?? { currency: c, ...NO_MONEY };
  const cur = moneyIn(current, main);
  const prev = moneyIn(previous, main);
  const label = dayLabeller(locale);
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 });
  const share = (part: number, whole: number) => (whole ? percent.format(part / whole) : "—");
  const money = (cents: number, c = main) => formatMoney(cents, c, locale);
  const aov = (m: typeof cur) => (m.orders ? money(Math.round(m.gmvCents / m.orders), m.currency) : "—");
  const categories = report.topCategories.filter((c) => c.currency === main);

  return (
    <div className="space-y-8">
      <PageHeader title="Platform analytics" description={describeRange(range, locale)} />
      {error ? <Alert tone="error">{error}</Alert> : null}
      <AnalyticsRangeForm
        range={range}
        exportHref={`/api/v1/admin/analytics/export?from=${range.from}&to=${range.to}`}
      />

      <section aria-labelledby="summary-heading" className="space-y-2">
        <h2 id="summary-heading" className="text-lg font-semibold">
          Summary ({main})
        </h2>
        <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
          <StatCard label="GMV" value={money(cur.gmvCents)} hint={periodChange(cur.gmvCents, prev.gmvCents)} />
          <StatCard
            label="Take rate"
            value={share(cur.commissionCents, cur.gmvCents)}
            hint={`${money(cur.commissionCents)} commission; ${share(prev.commissionCents, prev.gmvCents)} previous period`}
          />
          <StatCard
            label="Orders"
            value={number.format(current.orders)}
            hint={periodChange(current.orders, previous.orders)}
          />
          <StatCard label="Average order value" value={aov(cur)} hint={`${aov(prev)} previous period`} />
          <StatCard
            label="Active buyers"
            value={number.format(current.activeBuyers)}
            hint={periodChange(current.activeBuyers, previous.activeBuyers)}
          />
          <StatCard
            label="Active sellers"
            value={number.format(current.activeSellers)}
            hint={periodChange(current.activeSellers, previous.activeSellers)}
          />
          <StatCard
            label="New sellers"
            value={number.format(current.newSellers)}
            hint={periodChange(current.newSellers, previous.newSellers)}
          />
          <StatCard
            label="Refund rate"
            value={share(cur.refundedCents, cur.gmvCents)}
            hint={`${money(cur.refundedCents)} refunded; ${share(prev.refundedCents, prev.gmvCents)} previous period`}
          />
          <StatCard
            label="Chargeback rate"
            value={share(cur.chargebackCents, cur.gmvCents)}
            hint={`${number.format(current.chargebacksOpened)} disputes opened (${number.format(previous.chargebacksOpened)} previous period)`}
          />
          <StatCard
            label="Fraud holds"
            value={number.format(current.fraudHolds)}
            hint={`${number.format(current.fraudHoldsRefused)} refused; ${number.format(previous.fraudHolds)} held previous period`}
          />
          <StatCard
            label="Chargeback losses"
            value={money(cur.chargebackLossCents)}
            hint={`Dispute fees the platform bore; ${money(prev.chargebackLossCents)} previous period`}
          />
        </div>
        <p className="text-sm text-muted">
          GMV is what buyers paid for goods and shipping at capture, tax excluded, before refunds; commission, refunds
          and chargebacks are counted on the day the ledger booked them (commission at release). Active buyers and
          sellers had an order captured in the period.
        </p>
      </section>

      <section aria-labelledby="currencies-heading" className="space-y-3">
        <h2 id="currencies-heading" className="text-lg font-semibold">
          Money by currency
        </h2>
        <DataTable
          caption="Money by currency, from the ledger"
          minWidth="md"
          columns={[
            { label: "Currency" },
            { label: "Orders", align: "right" },
            { label: "GMV", align: "right" },
            { label: "Commission", align: "right" },
            { label: "Take rate", align: "right" },
            { label: "Refunds", align: "right" },
            { label: "Chargebacks", align: "right" },
            { label: "Previous GMV", align: "right" },
          ]}
        >
          {report.currencies.map((c) => {
            const m = moneyIn(current, c);
            return (
              <tr key={c} data-currency={c}>
                <Cell>{c}</Cell>
                <Cell align="right">{number.format(m.orders)}</Cell>
                <Cell align="right">{money(m.gmvCents, c)}</Cell>
                <Cell align="right">{money(m.commissionCents, c)}</Cell>
                <Cell align="right">{share(m.commissionCents, m.gmvCents)}</Cell>
                <Cell align="right">{money(m.refundedCents, c)}</Cell>
                <Cell align="right">{money(m.chargebackCents, c)}</Cell>
                <Cell align="right">{money(moneyIn(previous, c).gmvCents, c)}</Cell>
              </tr>
            );
          })}
        </DataTable>
        {report.currencies.length === 0 ? <p className="text-sm text-muted">No payments in either period.</p> : null}
      </section>

      <section aria-labelledby="gmv-heading" className="space-y-3">
        <h2 id="gmv-heading" className="text-lg font-semibold">
          GMV and orders over time ({main})
        </h2>
        <RevenueChart
          locale={locale}
          currency={main}
          amountLabel="GMV"
          days={report.days.map((d) => ({
            day: d.day,
            label: label(d.day),
            revenue: d.money[main]?.gmvCents ?? 0,
            orders: d.money[main]?.orders ?? 0,
          }))}
        />
        <details>
          <summary className="cursor-pointer text-sm font-medium">
            GMV, commission and refunds by day as a table
          </summary>
          <div className="mt-2">
            <DataTable
              caption="GMV, commission and refunds by day"
              columns={[
                { label: "Day" },
                { label: "Orders", align: "right" },
                { label: `GMV (${main})`, align: "right" },
                { label: `Commission (${main})`, align: "right" },
                { label: `Refunds (${main})`, align: "right" },
              ]}
            >
              {report.days.map((d) => (
                <tr key={d.day} data-day={d.day}>
                  <Cell nowrap>{label(d.day)}</Cell>
                  <Cell align="right">{number.format(d.money[main]?.orders ?? 0)}</Cell>
                  <Cell align="right">{money(d.money[main]?.gmvCents ?? 0)}</Cell>
                  <Cell align="right">{money(d.money[main]?.commissionCents ?? 0)}</Cell>
                  <Cell align="right">{money(d.money[main]?.refundedCents ?? 0)}</Cell>
                </tr>
              ))}
            </DataTable>
          </div>
        </details>
      </section>

      <section aria-labelledby="categories-heading" className="space-y-3">
        <h2 id="categories-heading" className="text-lg font-semibold">
          Top categories
        </h2>
        {report.topCategories.length === 0 ? (
          <p className="text-sm text-muted">No orders captured in this period.</p>
        ) : (
          <>
            {categories.length ? (
              <RankedBarChart
                name="Item sales"
                money={{ currency: main, locale }}
                bars={categories.map((c) => ({ label: c.category, value: c.salesCents }))}
              />
            ) : null}
            <DataTable
              caption="Top categories by item sales"
              columns={[
                { label: "Category" },
                { label: "Orders", align: "right" },
                { label: "Item sales", align: "right" },
              ]}
            >
              {report.topCategories.map((c) => (
                <tr key={`${c.category}-${c.currency}`}>
                  <Cell>{c.category}</Cell>
                  <Cell align="right">{number.format(c.orders)}</Cell>
                  <Cell align="right">{money(c.salesCents, c.currency)}</Cell>
                </tr>
              ))}
            </DataTable>
            <p className="text-sm text-muted">
              Item prices as charged (shipping excluded) of the orders captured in the period.
            </p>
          </>
        )}
      </section>

      <section aria-labelledby="no-results-heading" className="space-y-3">
        <h2 id="no-results-heading" className="text-lg font-semibold">
          Searches that found nothing
        </h2>
        <p className="text-sm text-muted">
          A synonym often fixes these: add one on the{" "}
          <Link href="/admin/search" className="font-medium text-brand-700 underline">
            search settings
          </Link>{" "}
          page.
        </p>
        {report.noResultQueries.length === 0 ? (
          <p className="text-sm text-muted">Every search in this period found something.</p>
        ) : (
          <DataTable
            caption="Searches with no results"
            columns={[
              { label: "Query" },
              { label: "Searches", align: "right" },
              { label: "Signed-in searchers", align: "right" },
              { label: "Last searched" },
            ]}
          >
            {report.noResultQueries.map((q) => (
              <tr key={q.query}>
                <Cell>{q.query}</Cell>
                <Cell align="right">{number.format(q.searches)}</Cell>
                <Cell align="right">{number.format(q.searchers)}</Cell>
                <Cell nowrap>
                  {new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(
                    q.lastSearchedAt,
                  )}{" "}
                  UTC
                </Cell>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}
