// One-click unsubscribe from an email's link (RFC 8058). The signed token names the person,
// the group and the channel; it is the only authority, because a mail provider's POST carries
// no session and no CSRF token (none is possible: the request is made by the provider, not by
// a page of ours). Reading a token changes nothing; only unsubscribeByToken writes.
import "server-only";

import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import type { NotificationChannel } from "@/lib/generated/prisma/enums";

import { isLocked, NOTIFICATION_GROUPS, usesChannel, type NotificationGroup } from "./preferences";
import { verifyUnsubscribeToken } from "./unsubscribe-token";

export type UnsubscribeTarget = {
  userId: string;
  group: NotificationGroup;
  channel: NotificationChannel;
  /** What the person would stop getting, in the words of /account/notifications. */
  label: string;
  /** Whether it is still on. */
  enabled: boolean;
};

const REASONS = {
  malformed:
    "This unsubscribe link is incomplete or damaged. Copy the whole link from the email, or change your emails in your notification settings.",
  bad_signature:
    "This unsubscribe link is not valid. Copy the whole link from the email, or change your emails in your notification settings.",
  expired: "This unsubscribe link has expired. Sign in and change your emails in your notification settings.",
} as const;

/** What a token would turn off (400 for a bad, expired or tampered one, or a group that can't be turned off). */
export async function readUnsubscribeToken(token: string, now = new Date()): Promise<UnsubscribeTarget> {
  const verified = verifyUnsubscribeToken(token, { secret: env().UNSUBSCRIBE_SECRET, now });
  if (!verified.ok) throw new AppError("bad_request", REASONS[verified.reason]);
  const { userId, group, channel } = verified.claim;
  if (isLocked(group, channel) || !usesChannel(group, channel))
    throw new AppError(
      "bad_request",
      "These emails can't be turned off: they are your record of orders and account changes.",
    );
  const user = await db().user.findFirst({ where: { id: userId, deletedAt: null }, select: { id: true } });
  if (!user) throw new AppError("bad_request", "This unsubscribe link belongs to an account that no longer exists.");
  const pref = await db().notificationPreference.findUnique({
    where: { userId_group_channel: { userId, group, channel } },
    select: { enabled: true },
  });
  const label = NOTIFICATION_GROUPS.find((g) => g.group === group)!.label;
  return { userId, group, channel, label, enabled: pref?.enabled ?? true };
}

/** Turns off exactly the group and channel the token names for its person; repeating it changes nothing. */
export async function unsubscribeByToken(token: string, now = new Date()): Promise<UnsubscribeTarget> {
  const target = await readUnsubscribeToken(token, now);
  await db().notificationPreference.upsert({
    where: { userId_group_channel: { userId: target.userId, group: target.group, channel: target.channel } },
    create: { userId: target.userId, group: target.group, channel: target.channel, enabled: false },
    update: { enabled: false },
  });
  return { ...target, enabled: false };
}
