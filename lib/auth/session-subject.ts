import "server-only";

import { decode } from "next-auth/jwt";
import type { NextRequest } from "next/server";

import { env } from "@/lib/env";

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The user id the request's session cookie names: decrypted with NEXTAUTH_SECRET (so it was
 * issued by us and not altered) and not expired, but not checked against the database
 * (suspension, role). Enough to refuse a request early from cheap state, never to grant
 * anything: getCurrentUser stays the check for every answer that gives or shows something.
 * Null when there is no usable cookie (none, chunked, forged or expired).
 */
export async function sessionSubject(req: NextRequest): Promise<string | null> {
  const token = SESSION_COOKIES.map((name) => req.cookies.get(name)?.value).find(Boolean);
  if (!token) return null;
  try {
    const payload = await decode({ token, secret: env().NEXTAUTH_SECRET });
    const sub = payload?.sub;
    return typeof sub === "string" && UUID.test(sub) ? sub : null;
  } catch {
    return null;
  }
}
