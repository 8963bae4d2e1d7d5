import "server-only";

import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import { cache } from "react";

import { authOptions } from "./auth-options";
import { findSessionUser, type SessionUser } from "./find-session-user";

export type CurrentUser = SessionUser;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The signed-in user, read fresh from the database once per request, so a role change or
 * a suspension takes effect at once; null when signed out, suspended, or when the cookie's
 * session row has been ended (sign-out, "sign out everywhere", a password change) or has
 * gone unused for the cookie's whole lifetime.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  // Reading cookies first also marks the page dynamic; visitors without a session
  // cookie never reach next-auth or the database.
  const jar = await cookies();
  if (!jar.has("next-auth.session-token") && !jar.has("__Secure-next-auth.session-token")) return null;
  const session = await getServerSession(authOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  const sid = (session as { sid?: unknown } | null)?.sid;
  // A cookie from before session rows (no sid) is refused: its owner signs in again.
  if (!id || !UUID.test(id) || typeof sid !== "string" || !UUID.test(sid)) return null;
  return findSessionUser({ userId: id, sessionId: sid });
});
