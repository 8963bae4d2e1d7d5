// The analytics page's after-sale blocks: refund, return and dispute rates; the rating trend;
// payouts; days of cover per listing. Server-rendered; each chart has its table beside it.
import Link from "next/link";

import { RatingTrendChart } from "@/components/analytics/rating-trend-chart";
import { Cell, DataTable } from "@/components/ui/data-table";
import { StatCard } from "@/components/ui/stat-card";
import { afterSaleRate, type AfterSaleCounts } from "@/lib/analytics/shop-health/count-after-sale-cases";
import {
  FORECAST_WINDOW_DAYS,
  REORDER_SOON_DAYS,
  type InventoryForecast,
} from "@/lib/analytics/shop-health/get-inventory-forecast";
import type { PayoutSummary } from "@/lib/analytics/shop-health/get-payout-summary";
import type { RatingTrend } from "@/lib/analytics/shop-health/get-rating-trend";
import { formatMoney } from "@/lib/money/format-money";

/** How many listings the forecast table shows (the most urgent); the rest are counted below it. */
const FORECAST_ROWS = 25;

export function AfterSaleSection(props: {
  locale: string;
  cases: { current: AfterSaleCounts; previous: AfterSaleCounts };
  paidOrders: { current: number; previous: number };
}) {
  const { cases, paidOrders } = props;
  const percent = new Intl.NumberFormat(props.locale, { style: "percent", maximumFractionDigits: 1 });
  const number = new Intl.NumberFormat(props.locale);
  const rate = (n: number, paid: number) => {
    const r = afterSaleRate(n, paid);
    return r === null ? "—" : percent.format(r);
  };
  const rows: { label: string; counted: string; key: keyof AfterSaleCounts }[] = [
    { label: "Refund rate", counted: "Orders refunded", key: "refundedOrders" },
    { label: "Return rate", counted: "Returns requested", key: "returns" },
    { label: "Dispute rate", counted: "Orders disputed", key: "disputedOrders" },
  ];
  return (
    <section aria-labelledby="after-sale-heading" className="space-y-3">
      <h2 id="after-sale-heading" className="text-lg font-semibold">
        Refunds, returns and disputes
      </h2>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        {rows.map((r) => (
          <StatCard
            key={r.key}
            label={r.label}
            value={rate(cases.current[r.key], paidOrders.current)}
            hint={`${rate(cases.previous[r.key], paidOrders.previous)} previous period`}
          />
        ))}
      </div>
      <DataTable
        caption="Refunds, returns and disputes per paid order"
        columns={[
          { label: "Measure" },
          { label: "This period", align: "right" },
          { label: "Rate", align: "right" },
          { label: "Previous period", align: "right" },
          { label: "Rate", align: "right" },
        ]}
      >
        <tr>
          <Cell>Paid orders</Cell>
          <Cell align="right">{number.format(paidOrders.current)}</Cell>
          <Cell align="right">—</Cell>
          <Cell align="right">{number.format(paidOrders.previous)}</Cell>
          <Cell align="right">—</Cell>
        </tr>
        {rows.map((r) => (
          <tr key={r.key}>
            <Cell>{r.counted}</Cell>
            <Cell align="right">{number.format(cases.current[r.key])}</Cell>
            <Cell align="right">{rate(cases.current[r.key], paidOrders.current)}</Cell>
            <Cell align="right">{number.format(cases.previous[r.key])}</Cell>
            <Cell align="right">{rate(cases.previous[r.key], paidOrders.previous)}</Cell>
          </tr>
        ))}
      </DataTable>
      <p className="text-sm text-muted">
        Counted when they happened: a refund when it went through, a return when the buyer asked for it (withdrawn
        requests left out), a dispute or card chargeback when it opened; each per paid order of the same period.
      </p>
    </section>
  );
}

export function RatingSection({ locale, trend }: { locale: string; trend: RatingTrend }) {
  const rating = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const number = new Intl.NumberFormat(locale);
  const week = new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" });
  const label = (d: string) => week.format(new Date(`${d}T00:00:00Z`));
  const avg = (v: number | null) => (v === null ? "—" : rating.format(v));
  return (
    <section aria-labelledby="rating-heading" className="space-y-3">
      <h2 id="rating-heading" className="text-lg font-semibold">
        Rating trend
      </h2>
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <StatCard
          label="Average rating"
          value={avg(trend.current.averageRating)}
          hint={`${avg(trend.previous.averageRating)} previous period`}
        />
        <StatCard
          label="Reviews"
          value={number.format(trend.current.reviews)}
          hint={`${number.format(trend.previous.reviews)} previous period`}
        />
      </div>
      {trend.weeks.length === 0 ? (
        <p className="text-sm text-muted">No reviews of your products in this period.</p>
      ) : (
        <>
          <RatingTrendChart
            weeks={trend.weeks.map((w) => ({
              label: label(w.week),
              averageRating: w.averageRating,
              reviews: w.reviews,
            }))}
          />
          <DataTable
            caption="Average rating by week"
            columns={[
              { label: "Week of" },
              { label: "Reviews", align: "right" },
              { label: "Average rating", align: "right" },
            ]}
          >
            {trend.weeks.map((w) => (
              <tr key={w.week} data-week={w.week}>
                <Cell nowrap>{label(w.week)}</Cell>
                <Cell align="right">{number.format(w.reviews)}</Cell>
                <Cell align="right">{rating.format(w.averageRating)}</Cell>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </section>
  );
}

export function PayoutsSection({ locale, payouts }: { locale: string; payouts: PayoutSummary[] }) {
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  return (
    <section aria-labelledby="payouts-heading" className="space-y-3">
      <h2 id="payouts-heading" className="text-lg font-semibold">
        Payouts
      </h2>
      {payouts.length === 0 ? (
        <p className="text-sm text-muted">No sales paid out or held for you yet.</p>
      ) : (
        payouts.map((p) => {
          const money = (cents: number) => formatMoney(cents, p.currency, locale);
          return (
            <div key={p.currency} className="space-y-2">
              {payouts.length > 1 ? <h3 className="font-medium">{p.currency}</h3> : null}
              <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
                <StatCard
                  label="Received this period"
                  value={money(p.received.amountCents)}
                  hint={`${p.received.payouts} payouts; ${money(p.previousReceived.amountCents)} previous period`}
                />
                <StatCard
                  label="On the way to your bank"
                  value={money(p.inTransit.amountCents)}
                  hint={
                    p.inTransit.nextArrival
                      ? `Expected ${date.format(p.inTransit.nextArrival)}`
                      : p.inTransit.payouts
                        ? `${p.inTransit.payouts} payouts sent`
                        : "Nothing in transit"
                  }
                />
                <StatCard
                  label="Next payout"
                  value={money(p.availableCents)}
                  hint={
                    p.nextPayoutAt
                      ? `Daily run at ${when.format(p.nextPayoutAt)} UTC`
                      : "Waits until your payout account can be paid"
                  }
                />
                <StatCard
                  label="Held in escrow"
                  value={money(p.heldCents)}
                  hint="Released to you after delivery is confirmed"
                />
              </div>
            </div>
          );
        })
      )}
      <p className="text-sm">
        <Link href="/seller/payments" className="font-medium text-indigo-700 underline">
          Balance and ledger lines
        </Link>
      </p>
    </section>
  );
}

export function ForecastSection({ locale, forecast }: { locale: string; forecast: InventoryForecast }) {
  const number = new Intl.NumberFormat(locale);
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const shown = forecast.items.slice(0, FORECAST_ROWS);
  return (
    <section aria-labelledby="forecast-heading" className="space-y-3">
      <h2 id="forecast-heading" className="text-lg font-semibold">
        Inventory forecast
      </h2>
      <p className="text-sm text-muted">
        Days of cover: stock now divided by units sold per day over the last {FORECAST_WINDOW_DAYS} days. Under{" "}
        {REORDER_SOON_DAYS} days is flagged to reorder soon. {number.format(forecast.reorderSoonCount)} of your listings
        need it.
      </p>
      {shown.length === 0 ? (
        <p className="text-sm text-muted">None of your live listings sold in the last {FORECAST_WINDOW_DAYS} days.</p>
      ) : (
        <DataTable
          caption="Inventory forecast, most urgent first"
          minWidth="md"
          columns={[
            { label: "Product" },
            { label: "In stock", align: "right" },
            { label: `Sold (${FORECAST_WINDOW_DAYS} days)`, align: "right" },
            { label: "Per day", align: "right" },
            { label: "Days of cover", align: "right" },
            { label: "Status" },
          ]}
        >
          {shown.map((i) => (
            <tr key={i.productId}>
              <Cell>{i.title}</Cell>
              <Cell align="right">{number.format(i.inventoryCount)}</Cell>
              <Cell align="right">{number.format(i.unitsSold)}</Cell>
              <Cell align="right">{decimal.format(i.unitsPerDay)}</Cell>
              <Cell align="right">{decimal.format(i.daysOfCover)}</Cell>
              <Cell>
                {i.reorderSoon ? (
                  <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">
                    Reorder soon
                  </span>
                ) : (
                  "OK"
                )}
              </Cell>
            </tr>
          ))}
        </DataTable>
      )}
      {forecast.items.length > shown.length ? (
        <p className="text-sm text-muted">
          {number.format(forecast.items.length - shown.length)} more listings with more cover are not shown.{" "}
          <Link href="/seller/inventory" className="font-medium text-indigo-700 underline">
            Manage stock
          </Link>
        </p>
      ) : null}
    </section>
  );
}
