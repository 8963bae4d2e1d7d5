// POST /api/v1/search/events { events: [{ kind: "click", query, product_id, position }] } → 202.
// Sent by the results page with navigator.sendBeacon; written in batches (lib/search/search-event-log).
import { apiRoute } from "@/lib/http/api-route";
import { RATE_LIMIT_POLICIES } from "@/lib/rate-limit/rules";
import { recordSearchClicks, ZSearchClicks } from "@/lib/search/events/record-search-clicks";

export const POST = apiRoute(
  {
    access: "public",
    body: ZSearchClicks,
    rateLimit: RATE_LIMIT_POLICIES.searchClicks,
    summary: "Record result clicks from the results page",
    status: 202,
  },
  async ({ body, user }) => {
    return Response.json({ accepted: recordSearchClicks(body, user?.id ?? null) }, { status: 202 });
  },
);
