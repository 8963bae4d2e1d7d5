import { getPlatformAnalytics } from "@/lib/analytics/platform/get-platform-analytics";
import { platformAnalyticsCsv } from "@/lib/analytics/platform/platform-analytics-csv";
import { resolveAnalyticsRange, ZAnalyticsRangeQuery } from "@/lib/analytics/report/analytics-range";
import { apiRoute } from "@/lib/http/api-route";
import { RATE_LIMIT_POLICIES } from "@/lib/rate-limit/rules";

/** The platform's money per day and currency for a range as CSV (GMV, commission, refunds, chargebacks), from the ledger. */
export const GET = apiRoute(
  {
    access: "admin",
    query: ZAnalyticsRangeQuery,
    rateLimit: RATE_LIMIT_POLICIES.adminReport,
    summary: "The platform's daily GMV, commission, refunds and chargebacks for a date range as CSV (admins)",
  },
  async ({ user, query }) => {
    const report = await getPlatformAnalytics({ viewer: user, range: resolveAnalyticsRange(query) });
    return new Response(platformAnalyticsCsv(report), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="platform-analytics-${report.range.from}-to-${report.range.to}.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  },
);
