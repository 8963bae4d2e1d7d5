import { z } from "zod";

import { resolveAnalyticsRange, ZAnalyticsRangeQuery } from "@/lib/analytics/report/analytics-range";
import { getSellerAnalytics } from "@/lib/analytics/report/get-seller-analytics";
import { sellerAnalyticsJson } from "@/lib/analytics/report/seller-analytics-json";
import { assertOwnSeller } from "@/lib/catalog/assert-own-seller";
import { apiRoute } from "@/lib/http/api-route";
import { RATE_LIMIT_POLICIES } from "@/lib/rate-limit/rules";

const ZParams = z.object({ sellerId: z.uuid("Unknown seller.") });

export const GET = apiRoute(
  {
    access: "seller",
    params: ZParams,
    query: ZAnalyticsRangeQuery,
    rateLimit: RATE_LIMIT_POLICIES.analyticsRead,
    summary: "The shop's analytics for a date range and the period before it",
  },
  async ({ user, params, query }) => {
    const sellerId = assertOwnSeller(user, params.sellerId);
    return sellerAnalyticsJson(await getSellerAnalytics({ sellerId, range: resolveAnalyticsRange(query) }));
  },
);
