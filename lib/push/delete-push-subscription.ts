import "server-only";

import { db } from "@/lib/db/client";

/** Removes one of the person's subscriptions (another person's endpoint removes nothing); returns how many. */
export async function deletePushSubscription(opts: { userId: string; endpoint: string }): Promise<number> {
  const { count } = await db().pushSubscription.deleteMany({ where: { userId: opts.userId, endpoint: opts.endpoint } });
  return count;
}
