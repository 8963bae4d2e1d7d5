import "server-only";

import type { AnalyticsRange } from "@/lib/analytics/report/analytics-range";
import { csvTextCell } from "@/lib/csv/csv-cell";
import { db } from "@/lib/db/client";
import { TAX_PAYABLE } from "@/lib/ledger/accounts";
import { countryName } from "@/lib/shipping/country-name";

/** One jurisdiction's tax in one currency over a period, read from the ledger. */
export type TaxReportRow = {
  /** "DE", "US-NY"; null for tax entries of no order (none are written today). */
  jurisdiction: string | null;
  label: string | null;
  inclusive: boolean | null;
  currency: string;
  /** Orders whose tax was booked in the period. */
  orders: number;
  /** Those orders' items and shipping without their tax. */
  netSalesCents: number;
  /** Booked to tax payable at capture. */
  collectedCents: number;
  /** Returned from tax payable with refunds. */
  refundedCents: number;
  /** Returned from tax payable otherwise (a chargeback lost while the money was held). */
  reversedCents: number;
  /** collected − refunded − reversed: what the period adds to what the platform owes. */
  netCents: number;
};

export type TaxReport = { range: { from: string; to: string }; rows: TaxReportRow[]; totals: TaxReportRow[] };

/**
 * Tax per jurisdiction for a period (whole UTC days), straight from the ledger's movements into
 * and out of `platform:tax_payable` on those days, grouped by the jurisdiction and tax the order
 * was charged (orders.tax_jurisdiction, tax_label). The net column therefore adds up, per
 * currency, to the tax payable account's movement over the period: the report is the ledger.
 */
export async function taxReport(range: Pick<AnalyticsRange, "from" | "to">): Promise<TaxReport> {
  const from = new Date(`${range.from}T00:00:00Z`);
  const until = new Date(Date.parse(`${range.to}T00:00:00Z`) + 86_400_000);
  const raw = await db().$queryRaw<
    {
      jurisdiction: string | null;
      label: string | null;
      inclusive: boolean | null;
      currency: string;
      orders: bigint;
      net_sales: bigint | null;
      collected: bigint;
      refunded: bigint;
      reversed: bigint;
    }[]
  >`
    WITH moves AS (
      SELECT e.order_id, e.currency,
             coalesce(sum(e.amount_cents) FILTER (WHERE e.credit_account = ${TAX_PAYABLE}), 0) AS collected,
             coalesce(sum(e.amount_cents) FILTER (WHERE e.debit_account = ${TAX_PAYABLE} AND e.entry_type = 'refund'), 0) AS refunded,
             coalesce(sum(e.amount_cents) FILTER (WHERE e.debit_account = ${TAX_PAYABLE} AND e.entry_type <> 'refund'), 0) AS reversed
        FROM ledger_entries e
       WHERE (e.credit_account = ${TAX_PAYABLE} OR e.debit_account = ${TAX_PAYABLE})
         AND e.created_at >= ${from} AND e.created_at < ${until}
       GROUP BY e.order_id, e.currency)
    SELECT o.tax_jurisdiction AS jurisdiction, o.tax_label AS label, o.tax_inclusive AS inclusive, m.currency,
           count(*) FILTER (WHERE m.collected > 0) AS orders,
           sum(o.subtotal_cents + o.shipping_cents - CASE WHEN o.tax_inclusive THEN o.tax_cents ELSE 0 END)
             FILTER (WHERE m.collected > 0) AS net_sales,
           sum(m.collected)::bigint AS collected, sum(m.refunded)::bigint AS refunded, sum(m.reversed)::bigint AS reversed
      FROM moves m LEFT JOIN orders o ON o.id = m.order_id
     GROUP BY 1, 2, 3, 4
     ORDER BY 1 NULLS LAST, 2, 4`;
  const rows: TaxReportRow[] = raw.map((r) => {
    const collectedCents = Number(r.collected);
    const refundedCents = Number(r.refunded);
    const reversedCents = Number(r.reversed);
    return {
      jurisdiction: r.jurisdiction,
      label: r.label,
      inclusive: r.inclusive,
      currency: r.currency,
      orders: Number(r.orders),
      netSalesCents: Number(r.net_sales ?? 0),
      collectedCents,
      refundedCents,
      reversedCents,
      netCents: collectedCents - refundedCents - reversedCents,
    };
  });
  const totals = new Map<string, TaxReportRow>();
  for (const r of rows) {
    const t = totals.get(r.currency) ?? {
      jurisdiction: null,
      label: null,
      inclusive: null,
      currency: r.currency,
      orders: 0,
      netSalesCents: 0,
      collectedCents: 0,
      refundedCents: 0,
      reversedCents: 0,
      netCents: 0,
    };
    t.orders += r.orders;
    t.netSalesCents += r.netSalesCents;
    t.collectedCents += r.collectedCents;
    t.refundedCents += r.refundedCents;
    t.reversedCents += r.reversedCents;
    t.netCents += r.netCents;
    totals.set(r.currency, t);
  }
  return { range: { from: range.from, to: range.to }, rows, totals: [...totals.values()] };
}

/** "DE" → "Germany"; "US-NY" → "United States, NY". */
export function jurisdictionName(jurisdiction: string | null): string {
  if (!jurisdiction) return "No order";
  const [country, region] = jurisdiction.split("-");
  return region ? `${countryName(country)}, ${region}` : countryName(country);
}

/** Minor units as a plain decimal ("1234.50"), which spreadsheets read as a number in any locale. */
const major = (cents: number) => (cents / 100).toFixed(2);

/** The report as RFC 4180 CSV (CRLF), one row per jurisdiction and currency, then a total per currency. */
export function taxReportCsv(report: TaxReport): string {
  const header = [
    "jurisdiction",
    "name",
    "tax",
    "included_in_price",
    "currency",
    "orders",
    "net_sales",
    "tax_collected",
    "tax_refunded",
    "tax_reversed",
    "net_tax_payable",
  ];
  const line = (r: TaxReportRow, total: boolean) =>
    [
      total ? "total" : (r.jurisdiction ?? ""),
      total ? "" : csvTextCell(jurisdictionName(r.jurisdiction)),
      total ? "" : csvTextCell(r.label ?? ""),
      r.inclusive === null ? "" : r.inclusive ? "yes" : "no",
      r.currency,
      String(r.orders),
      major(r.netSalesCents),
      major(r.collectedCents),
      major(r.refundedCents),
      major(r.reversedCents),
      major(r.netCents),
    ].join(",");
  const lines = [
    header.join(","),
    ...report.rows.map((r) => line(r, false)),
    ...report.totals.map((t) => line(t, true)),
  ];
  return `${lines.join("\r\n")}\r\n`;
}
