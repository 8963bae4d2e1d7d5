import "server-only";

import { db } from "@/lib/db/client";
import { emitDomainEvent } from "@/lib/outbox/emit-domain-event";

export type SignInMethod = "credentials" | "github" | "google";

/**
 * Records a sign-in; the returned id goes into the session JWT (`sid`) and is checked on every
 * request. A sign-in from a browser (User-Agent) the account never signed in from before is
 * announced as account.new_sign_in, so the holder is emailed; an account's first sign-in is not
 * (it is the browser that just made the account).
 */
export async function createUserSession(opts: {
  userId: string;
  method: SignInMethod;
  userAgent: string | null;
  ip: string | null;
}): Promise<string> {
  // Bounded to the columns: a client chooses its own User-Agent.
  const userAgent = opts.userAgent ? opts.userAgent.replace(/\0/g, "").slice(0, 512) : null;
  return db().$transaction(async (tx) => {
    const [earlier, sameBrowser] = await Promise.all([
      tx.userSession.count({ where: { userId: opts.userId } }),
      tx.userSession.count({ where: { userId: opts.userId, userAgent } }),
    ]);
    const row = await tx.userSession.create({
      data: {
        userId: opts.userId,
        method: opts.method,
        userAgent,
        ip: opts.ip && opts.ip !== "unknown" ? opts.ip.slice(0, 64) : null,
      },
      select: { id: true },
    });
    if (earlier > 0 && sameBrowser === 0)
      await emitDomainEvent(tx, "account.new_sign_in", { userId: opts.userId, sessionId: row.id });
    return row.id;
  });
}
