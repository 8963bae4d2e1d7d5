// POST /api/v1/recommendations/events { event, placement, product_ids } → 202. Sent with
// navigator.sendBeacon by the recommendation blocks: an impression when a block comes into view,
// a click when one of its listings is opened. Queued and written in batches with the other
// analytics events (lib/analytics/events); crawlers are not counted.
import { eventActor } from "@/lib/analytics/events/event-actor";
import { recordRecommendationEvents, ZRecommendationEvents } from "@/lib/analytics/events/record-recommendation-events";
import { apiRoute } from "@/lib/http/api-route";
import { RATE_LIMIT_POLICIES } from "@/lib/rate-limit/rules";

export const POST = apiRoute(
  {
    access: "public",
    body: ZRecommendationEvents,
    rateLimit: RATE_LIMIT_POLICIES.recommendationEvents,
    summary: "Record a recommendation block's impression or click",
    status: 202,
  },
  async ({ req, body, user }) => {
    const accepted = recordRecommendationEvents(body, eventActor(req.headers, user?.id ?? null));
    return Response.json({ accepted }, { status: 202 });
  },
);
