import "server-only";

import { db } from "@/lib/db/client";

export type SignInMethod = "credentials" | "github" | "google";

/** Records a sign-in; the returned id goes into the session JWT (`sid`) and is checked on every request. */
export async function createUserSession(opts: {
  userId: string;
  method: SignInMethod;
  userAgent: string | null;
  ip: string | null;
}): Promise<string> {
  const row = await db().userSession.create({
    data: {
      userId: opts.userId,
      method: opts.method,
      // Bounded to the columns: a client chooses its own User-Agent.
      userAgent: opts.userAgent ? opts.userAgent.replace(/\0/g, "").slice(0, 512) : null,
      ip: opts.ip && opts.ip !== "unknown" ? opts.ip.slice(0, 64) : null,
    },
    select: { id: true },
  });
  return row.id;
}
