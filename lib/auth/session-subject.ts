import "server-only";

import { decode } from "next-auth/jwt";
import type { NextRequest } from "next/server";

import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

import { SESSION_MAX_AGE_SECONDS } from "./session-max-age";

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The user id the request's session cookie names: decrypted with NEXTAUTH_SECRET (so it was
 * issued by us and not altered) and not expired, but not checked against the database
 * (suspension, role). Enough to refuse a request early from cheap state, never to grant
 * anything: getCurrentUser stays the check for every answer that gives or shows something.
 * Null when there is no usable cookie (none, chunked, forged or expired), or when the session
 * it names has ended (signed out, revoked): one primary-key read of user_sessions, so a
 * signed-out cookie is answered as signed out here too.
 */
export async function sessionSubject(req: NextRequest): Promise<string | null> {
  const token = SESSION_COOKIES.map((name) => req.cookies.get(name)?.value).find(Boolean);
  if (!token) return null;
  try {
    const payload = await decode({ token, secret: env().NEXTAUTH_SECRET });
    const sub = payload?.sub;
    const sid = payload?.sid;
    if (typeof sub !== "string" || !UUID.test(sub) || typeof sid !== "string" || !UUID.test(sid)) return null;
    const live = await db().userSession.findFirst({
      where: {
        id: sid,
        userId: sub,
        revokedAt: null,
        lastSeenAt: { gt: new Date(Date.now() - SESSION_MAX_AGE_SECONDS * 1000) },
      },
      select: { id: true },
    });
    return live ? sub : null;
  } catch {
    return null;
  }
}
