// POST /api/v1/analytics/events { product_id } → 202. Sent by the product page with
// navigator.sendBeacon: signed-out visitors get that page from the page cache, which never runs
// server code per view, so the browser reports the view. Queued and written in batches
// (lib/analytics/events/analytics-event-log.ts); crawlers are not counted.
import { eventActor } from "@/lib/analytics/events/event-actor";
import { recordProductView, ZProductViewBeacon } from "@/lib/analytics/events/record-product-view";
import { recordRecentView } from "@/lib/favourites/record-recent-view";
import { apiRoute } from "@/lib/http/api-route";
import { RATE_LIMIT_POLICIES } from "@/lib/rate-limit/rules";

export const POST = apiRoute(
  {
    access: "public",
    body: ZProductViewBeacon,
    rateLimit: RATE_LIMIT_POLICIES.analyticsBeacon,
    summary: "Record a product view from the product page",
    status: 202,
  },
  async ({ req, body, user }) => {
    const counted = recordProductView(body, eventActor(req.headers, user?.id ?? null));
    // A signed-in buyer's "recently viewed" is kept on the server (a signed-out visitor's in their
    // browser); a person signed in, whatever their browser calls itself.
    if (user) await recordRecentView({ userId: user.id, productId: body.product_id });
    return Response.json({ accepted: counted ? 1 : 0 }, { status: 202 });
  },
);
