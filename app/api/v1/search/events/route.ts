// POST /api/v1/search/events { events: [{ kind: "click", query, product_id, position }] } → 202.
// Sent by the results page with navigator.sendBeacon; written in batches (lib/search/search-event-log).
import { clientIp } from "@/lib/auth/client-ip";
import { apiRoute } from "@/lib/http/api-route";
import { getRateLimitStore } from "@/lib/rate-limit/get-rate-limit-store";
import { enforceRateLimit } from "@/lib/rate-limit/rate-limit";
import { recordSearchClicks, SEARCH_CLICK_RATE_LIMIT, ZSearchClicks } from "@/lib/search/record-search-clicks";

export const POST = apiRoute({ access: "public", body: ZSearchClicks }, async ({ req, body, user }) => {
  await enforceRateLimit(getRateLimitStore(), SEARCH_CLICK_RATE_LIMIT, [clientIp(req.headers)]);
  return Response.json({ accepted: recordSearchClicks(body, user?.id ?? null) }, { status: 202 });
});
