// The token in an email's one-click unsubscribe link (List-Unsubscribe, RFC 8058): who, which
// group and channel, and until when, signed with HMAC-SHA256 under UNSUBSCRIBE_SECRET. The
// signature is the whole authority of POST /api/v1/unsubscribe (a mail provider posts it with
// no session and no CSRF token), so nothing in it is trusted before the signature checks.
import { createHmac, timingSafeEqual } from "node:crypto";

import type { NotificationChannel } from "@/lib/generated/prisma/enums";

import { NOTIFICATION_GROUPS, type NotificationGroup } from "./preferences";

export type UnsubscribeClaim = { userId: string; group: NotificationGroup; channel: NotificationChannel };

/** Long enough for an email read months later; an older link asks the person to sign in instead. */
export const UNSUBSCRIBE_TOKEN_DAYS = 180;

const VERSION = "u1";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CHANNELS: readonly NotificationChannel[] = ["email", "in_app"];

function mac(payload: string, secret: string): Buffer {
  return createHmac("sha256", secret).update(payload).digest();
}

export function signUnsubscribeToken(
  claim: UnsubscribeClaim,
  opts: { secret: string; now?: Date; days?: number },
): string {
  const expires = Math.floor((opts.now ?? new Date()).getTime() / 1000) + (opts.days ?? UNSUBSCRIBE_TOKEN_DAYS) * 86400;
  const payload = [VERSION, claim.userId, claim.group, claim.channel, expires].join(".");
  return `${Buffer.from(payload).toString("base64url")}.${mac(payload, opts.secret).toString("base64url")}`;
}

export type VerifiedUnsubscribe =
  { ok: true; claim: UnsubscribeClaim } | { ok: false; reason: "malformed" | "bad_signature" | "expired" };

export function verifyUnsubscribeToken(token: string, opts: { secret: string; now?: Date }): VerifiedUnsubscribe {
  const [encoded, signature, extra] = token.split(".");
  if (!encoded || !signature || extra !== undefined) return { ok: false, reason: "malformed" };
  const payload = Buffer.from(encoded, "base64url").toString();
  const expected = mac(payload, opts.secret);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: "bad_signature" };
  const [version, userId, group, channel, expires] = payload.split(".");
  if (
    version !== VERSION ||
    !UUID.test(userId ?? "") ||
    !NOTIFICATION_GROUPS.some((g) => g.group === group) ||
    !CHANNELS.includes(channel as NotificationChannel) ||
    !/^\d+$/.test(expires ?? "")
  )
    return { ok: false, reason: "malformed" };
  if (Number(expires) * 1000 < (opts.now ?? new Date()).getTime()) return { ok: false, reason: "expired" };
  return { ok: true, claim: { userId, group: group as NotificationGroup, channel: channel as NotificationChannel } };
}
