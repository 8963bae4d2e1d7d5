"use client";

// The analytics page's charts. Each is hidden from screen readers: the table beside it (in the
// page) carries the same numbers, and recharts' SVG has no accessible reading of its own.
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type ChartDay = { day: string; label: string; revenue: number; orders: number };
export type FunnelStep = { step: string; count: number };

/** Money (a line on the left axis) and orders (on the right) per day; `amountLabel` names the money ("Revenue", "GMV"). */
export function RevenueChart({
  days,
  currency,
  locale,
  amountLabel = "Revenue",
}: {
  days: ChartDay[];
  currency: string;
  locale: string;
  amountLabel?: string;
}) {
  const money = new Intl.NumberFormat(locale, { style: "currency", currency, maximumFractionDigits: 0 });
  return (
    <div aria-hidden="true" className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={days} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} minTickGap={16} />
          <YAxis
            yAxisId="revenue"
            tickFormatter={(v: number) => money.format(v / 100)}
            tick={{ fontSize: 12 }}
            width={72}
          />
          <YAxis yAxisId="orders" orientation="right" allowDecimals={false} tick={{ fontSize: 12 }} width={32} />
          <Tooltip formatter={(v, name) => (name === amountLabel ? money.format(Number(v) / 100) : v)} />
          <Line
            yAxisId="revenue"
            type="monotone"
            dataKey="revenue"
            name={amountLabel}
            stroke="#4f46e5"
            strokeWidth={2}
            dot={false}
          />
          <Line
            yAxisId="orders"
            type="monotone"
            dataKey="orders"
            name="Orders"
            stroke="#059669"
            strokeWidth={2}
            dot={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

export function FunnelChart({ steps }: { steps: FunnelStep[] }) {
  return <RankedBarChart bars={steps.map((s) => ({ label: s.step, value: s.count }))} name="Count" />;
}

/** Horizontal bars, largest on top as given; with a currency the values are minor units shown as money. */
export function RankedBarChart({
  bars,
  name,
  money,
}: {
  bars: { label: string; value: number }[];
  name: string;
  money?: { currency: string; locale: string };
}) {
  const format = money
    ? (v: number) =>
        new Intl.NumberFormat(money.locale, {
          style: "currency",
          currency: money.currency,
          maximumFractionDigits: 0,
        }).format(v / 100)
    : undefined;
  return (
    <div aria-hidden="true" className="h-56 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={bars}
          accessibilityLayer={false}
          layout="vertical"
          margin={{ top: 8, right: 24, bottom: 0, left: 8 }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} tickFormatter={format} />
          <YAxis type="category" dataKey="label" tick={{ fontSize: 12 }} width={110} />
          <Tooltip formatter={format ? (v) => format(Number(v)) : undefined} />
          <Bar dataKey="value" name={name} fill="#4f46e5" />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
