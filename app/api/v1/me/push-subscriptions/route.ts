import { AppError } from "@/lib/errors/app-error";
import { apiRoute } from "@/lib/http/api-route";
import { deletePushSubscription } from "@/lib/push/delete-push-subscription";
import { listPushSubscriptions } from "@/lib/push/list-push-subscriptions";
import { ZPushSubscriptionJson, ZPushUnsubscribe } from "@/lib/push/push-subscription-input";
import { savePushSubscription } from "@/lib/push/save-push-subscription";
import { vapidPublicKey } from "@/lib/push/vapid-details";
import { RATE_LIMIT_POLICIES } from "@/lib/rate-limit/rules";

/** The browsers the signed-in person receives web push on. */
export const GET = apiRoute({ access: "user", summary: "List the browsers receiving web push" }, async ({ user }) => {
  const rows = await listPushSubscriptions(user.id);
  return {
    subscriptions: rows.map((r) => ({
      id: r.id,
      endpoint: r.endpoint,
      user_agent: r.userAgent,
      created_at: r.createdAt.toISOString(),
    })),
  };
});

/** Turns web push on for this browser: stores its PushSubscription for the signed-in person. */
export const POST = apiRoute(
  {
    access: "user",
    body: ZPushSubscriptionJson,
    rateLimit: RATE_LIMIT_POLICIES.pushSubscriptions,
    summary: "Receive web push on this browser",
    status: 201,
  },
  async ({ user, body, req }) => {
    if (!vapidPublicKey()) throw new AppError("conflict", "Push notifications are not set up on this site.");
    const { id } = await savePushSubscription({
      userId: user.id,
      subscription: body,
      userAgent: req.headers.get("user-agent"),
    });
    return Response.json({ id, enabled: true }, { status: 201 });
  },
);

/** Turns web push off for a browser: removes the person's subscription with that endpoint. */
export const DELETE = apiRoute(
  {
    access: "user",
    body: ZPushUnsubscribe,
    rateLimit: RATE_LIMIT_POLICIES.pushSubscriptions,
    summary: "Stop web push on a browser",
  },
  async ({ user, body }) => {
    const removed = await deletePushSubscription({ userId: user.id, endpoint: body.endpoint });
    return Response.json({ removed });
  },
);
