import "server-only";

import { db } from "@/lib/db/client";

import type { TPushSubscriptionJson } from "./push-subscription-input";

/**
 * Stores a browser's subscription for the person. The endpoint is unique: a browser that
 * subscribes again (new keys, or another person now signed in on it) updates its one row.
 */
export async function savePushSubscription(opts: {
  userId: string;
  subscription: TPushSubscriptionJson;
  userAgent?: string | null;
}): Promise<{ id: string }> {
  const { endpoint, keys } = opts.subscription;
  const userAgent = opts.userAgent?.slice(0, 300) ?? null;
  return db().pushSubscription.upsert({
    where: { endpoint },
    create: { userId: opts.userId, endpoint, p256dh: keys.p256dh, auth: keys.auth, userAgent },
    update: { userId: opts.userId, p256dh: keys.p256dh, auth: keys.auth, userAgent },
    select: { id: true },
  });
}
