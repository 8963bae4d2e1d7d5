import { resolveAnalyticsRange, ZAnalyticsRangeQuery } from "@/lib/analytics/report/analytics-range";
import { apiRoute } from "@/lib/http/api-route";
import { RATE_LIMIT_POLICIES } from "@/lib/rate-limit/rules";
import { taxReport, taxReportCsv } from "@/lib/tax/tax-report";

/** Tax per jurisdiction for a period, from the ledger, as CSV (the admin console's tax report). */
export const GET = apiRoute(
  {
    access: "admin",
    query: ZAnalyticsRangeQuery,
    rateLimit: RATE_LIMIT_POLICIES.adminReport,
    summary: "Tax collected and returned per jurisdiction for a date range, as CSV (admins)",
  },
  async ({ query }) => {
    const report = await taxReport(resolveAnalyticsRange(query));
    return new Response(taxReportCsv(report), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="tax-${report.range.from}-to-${report.range.to}.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  },
);
