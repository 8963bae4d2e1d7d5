import "server-only";

import { createHash } from "node:crypto";

import { isbot } from "isbot";

import { clientIp } from "@/lib/auth/client-ip";

type Headers = { get(name: string): string | null };

export type EventActor = { userId: string | null; visitorKey: string | null };

/**
 * Who an event is from, or null for a crawler (isbot's maintained list of user agents, and no
 * user agent at all): a signed-in user by id; anyone else by a key that is a hash of the
 * address, the browser and the UTC day, so a visitor is counted once a day without a cookie
 * (the cached product pages are served only to visitors without one) and nothing identifying
 * is stored.
 */
export function eventActor(headers: Headers, userId: string | null, now: Date = new Date()): EventActor | null {
  const ua = headers.get("user-agent") ?? "";
  if (!ua || isbot(ua)) return null;
  if (userId) return { userId, visitorKey: null };
  const day = now.toISOString().slice(0, 10);
  const visitorKey = createHash("sha256")
    .update(`${clientIp(headers)}\n${ua}\n${day}`)
    .digest("base64url")
    .slice(0, 32);
  return { userId: null, visitorKey };
}
