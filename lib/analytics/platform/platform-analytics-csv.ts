import { NO_MONEY, type PlatformAnalytics, type PlatformMoney } from "./get-platform-analytics";

const major = (cents: number) => (cents / 100).toFixed(2);
/** A fraction with four decimals (0.1500 is 15 %): a spreadsheet formats it as it likes. */
const rate = (part: number, whole: number) => (whole ? (part / whole).toFixed(4) : "");

const HEADER = [
  "date",
  "currency",
  "orders",
  "gmv",
  "commission",
  "take_rate",
  "refunds",
  "refund_rate",
  "chargebacks",
  "chargeback_losses",
];

const cells = (m: Omit<PlatformMoney, "currency">) => [
  m.orders,
  major(m.gmvCents),
  major(m.commissionCents),
  rate(m.commissionCents, m.gmvCents),
  major(m.refundedCents),
  rate(m.refundedCents, m.gmvCents),
  major(m.chargebackCents),
  major(m.chargebackLossCents),
];

/**
 * One row a UTC day and currency, then a `total` row per currency: the ledger's money for the
 * range (GMV as defined in get-platform-analytics.ts), amounts in major units. A currency's
 * daily rows add up to its total row, which equals the ledger's sums for the range.
 */
export function platformAnalyticsCsv(a: PlatformAnalytics): string {
  const rows: (string | number)[][] = [HEADER];
  for (const d of a.days) for (const c of a.currencies) rows.push([d.day, c, ...cells(d.money[c]!)]);
  for (const c of a.currencies) {
    rows.push(["total", c, ...cells(a.current.money.find((x) => x.currency === c) ?? NO_MONEY)]);
  }
  return rows.map((r) => r.join(",")).join("\r\n") + "\r\n";
}
