import "server-only";

import { db } from "@/lib/db/client";

export type PushDevice = { id: string; endpoint: string; userAgent: string | null; createdAt: Date };

/** The browsers the person receives push on (their own only). */
export function listPushSubscriptions(userId: string): Promise<PushDevice[]> {
  return db().pushSubscription.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { id: true, endpoint: true, userAgent: true, createdAt: true },
  });
}
