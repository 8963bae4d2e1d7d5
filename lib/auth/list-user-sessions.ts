import "server-only";

import { db } from "@/lib/db/client";

import { describeDevice } from "./describe-device";
import { SESSION_MAX_AGE_SECONDS } from "./session-max-age";

export type ActiveSession = {
  id: string;
  method: string;
  device: string | null;
  ip: string | null;
  createdAt: Date;
  lastSeenAt: Date;
};

/** The user's sessions that still work, most recently used first. */
export async function listUserSessions(opts: { userId: string }): Promise<ActiveSession[]> {
  const rows = await db().userSession.findMany({
    where: {
      userId: opts.userId,
      revokedAt: null,
      lastSeenAt: { gt: new Date(Date.now() - SESSION_MAX_AGE_SECONDS * 1000) },
    },
    orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
    take: 100,
    select: { id: true, method: true, userAgent: true, ip: true, createdAt: true, lastSeenAt: true },
  });
  return rows.map(({ userAgent, ...r }) => ({ ...r, device: describeDevice(userAgent) }));
}
