import Link from "next/link";

import { Alert } from "@/components/ui/alert";
import { Cell, DataTable } from "@/components/ui/data-table";
import { FilterBar, FilterInput } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { resolveAnalyticsRange, ZAnalyticsRangeQuery } from "@/lib/analytics/report/analytics-range";
import { requirePageUser } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors/app-error";
import { formatMoney } from "@/lib/money/format-money";
import { jurisdictionName, taxReport, type TaxReportRow } from "@/lib/tax/tax-report";

export const metadata = { title: "Tax report" };

export default async function TaxReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  await requirePageUser("/admin/tax/report", "admin");
  const params = await searchParams;
  const parsed = ZAnalyticsRangeQuery.safeParse({ from: params.from || undefined, to: params.to || undefined });
  let range: { from: string; to: string } | null = null;
  let problem: string | null = null;
  try {
    if (!parsed.success) throw new AppError("validation_failed", parsed.error.issues[0]?.message ?? "Check the dates.");
    range = resolveAnalyticsRange(parsed.data);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    problem = e.message;
  }
  const report = range ? await taxReport(range) : null;
  const money = (cents: number, currency: string) => formatMoney(cents, currency);
  const row = (r: TaxReportRow, total: boolean) => (
    <tr
      key={`${total ? "total" : r.jurisdiction}-${r.label}-${r.currency}`}
      className={total ? "font-semibold" : undefined}
    >
      <Cell>{total ? `Total ${r.currency}` : jurisdictionName(r.jurisdiction)}</Cell>
      <Cell>
        {total ? "" : `${r.label ?? "—"}${r.inclusive === null ? "" : r.inclusive ? " (included)" : " (added)"}`}
      </Cell>
      <Cell align="right" className="tabular-nums">
        {r.orders}
      </Cell>
      <Cell align="right" className="tabular-nums">
        {money(r.netSalesCents, r.currency)}
      </Cell>
      <Cell align="right" className="tabular-nums">
        {money(r.collectedCents, r.currency)}
      </Cell>
      <Cell align="right" className="tabular-nums">
        {money(r.refundedCents + r.reversedCents, r.currency)}
      </Cell>
      <Cell align="right" className="tabular-nums">
        {money(r.netCents, r.currency)}
      </Cell>
    </tr>
  );
  return (
    <div className="space-y-6">
      <PageHeader
        title="Tax report"
        description="Tax booked to the platform's tax payable account per jurisdiction, from the ledger: collected at payment, returned with refunds and lost chargebacks. Days are UTC."
      />
      <p className="text-sm">
        <Link href="/admin/tax" className="font-medium text-brand-700 underline">
          Tax rules
        </Link>
      </p>
      <FilterBar label="Report period">
        <FilterInput
          id="tax-from"
          name="from"
          type="date"
          label="From"
          defaultValue={range?.from ?? params.from ?? ""}
        />
        <FilterInput id="tax-to" name="to" type="date" label="To" defaultValue={range?.to ?? params.to ?? ""} />
        <button type="submit" className="rounded-md border border-gray-300 px-3 py-2">
          Show
        </button>
      </FilterBar>
      {problem ? <Alert>{problem}</Alert> : null}
      {report ? (
        <>
          <p className="text-sm">
            <a
              href={`/api/v1/admin/tax-report?from=${report.range.from}&to=${report.range.to}`}
              className="font-medium text-brand-700 underline"
              download
            >
              Download CSV ({report.range.from} to {report.range.to})
            </a>
          </p>
          <DataTable
            caption={`Tax from ${report.range.from} to ${report.range.to}`}
            minWidth="md"
            columns={[
              { label: "Jurisdiction" },
              { label: "Tax" },
              { label: "Orders", align: "right" },
              { label: "Net sales", align: "right" },
              { label: "Collected", align: "right" },
              { label: "Returned", align: "right" },
              { label: "Net payable", align: "right" },
            ]}
          >
            {report.rows.map((r) => row(r, false))}
            {report.totals.map((t) => row(t, true))}
          </DataTable>
          {report.rows.length === 0 ? <p className="text-sm text-muted">No tax was booked in this period.</p> : null}
        </>
      ) : null}
    </div>
  );
}
