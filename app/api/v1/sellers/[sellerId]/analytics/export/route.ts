import { z } from "zod";

import { resolveAnalyticsRange, ZAnalyticsRangeQuery } from "@/lib/analytics/report/analytics-range";
import { getSellerAnalytics } from "@/lib/analytics/report/get-seller-analytics";
import { sellerAnalyticsCsv } from "@/lib/analytics/report/seller-analytics-csv";
import { assertOwnSeller } from "@/lib/catalog/assert-own-seller";
import { apiRoute } from "@/lib/http/api-route";
import { RATE_LIMIT_POLICIES } from "@/lib/rate-limit/rules";

const ZParams = z.object({ sellerId: z.uuid("Unknown seller.") });

/** The daily numbers of a range as CSV (one row a day, then the totals), for a spreadsheet. */
export const GET = apiRoute(
  {
    access: "seller",
    params: ZParams,
    query: ZAnalyticsRangeQuery,
    rateLimit: RATE_LIMIT_POLICIES.analyticsRead,
    summary: "The shop's daily analytics for a date range as CSV",
  },
  async ({ user, params, query }) => {
    const sellerId = assertOwnSeller(user, params.sellerId);
    const report = await getSellerAnalytics({ sellerId, range: resolveAnalyticsRange(query) });
    return new Response(sellerAnalyticsCsv(report), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="analytics-${report.range.from}-to-${report.range.to}.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  },
);
