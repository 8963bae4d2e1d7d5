import "server-only";

import { db, type Tx } from "@/lib/db/client";

/**
 * Ends every live session of a user (after a password reset or change, "sign out everywhere
 * else"), except `exceptSessionId` when given: the one the person is using now. Every copy of
 * an ended session's cookie is refused from the next request on. Returns how many ended.
 */
export async function revokeUserSessions(opts: { userId: string; exceptSessionId?: string; tx?: Tx }): Promise<number> {
  const { count } = await (opts.tx ?? db()).userSession.updateMany({
    where: {
      userId: opts.userId,
      revokedAt: null,
      ...(opts.exceptSessionId ? { id: { not: opts.exceptSessionId } } : {}),
    },
    data: { revokedAt: new Date() },
  });
  return count;
}
