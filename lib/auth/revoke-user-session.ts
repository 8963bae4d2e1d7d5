import "server-only";

import { db } from "@/lib/db/client";

/** Ends one of the user's own sessions (sign-out, or revoke on /account/security); false when it was not theirs or already ended. */
export async function revokeUserSession(opts: { userId: string; sessionId: string }): Promise<boolean> {
  const { count } = await db().userSession.updateMany({
    where: { id: opts.sessionId, userId: opts.userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count === 1;
}
