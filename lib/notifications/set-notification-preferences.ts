import "server-only";

import { db } from "@/lib/db/client";
import type { NotificationChannel } from "@/lib/generated/prisma/enums";

import { isLocked, isOnByDefault, NOTIFICATION_GROUPS, type NotificationGroup } from "./preferences";

export type PreferenceRow = {
  group: NotificationGroup;
  label: string;
  channel: NotificationChannel;
  enabled: boolean;
  /** Why it can't be turned off, when it can't. */
  locked: string | null;
};

/** The person's switches, one per group and channel the group uses. */
export async function listNotificationPreferences(userId: string): Promise<PreferenceRow[]> {
  const saved = await db().notificationPreference.findMany({ where: { userId } });
  const byKey = new Map(saved.map((p) => [`${p.group}:${p.channel}`, p.enabled]));
  return NOTIFICATION_GROUPS.flatMap((g) =>
    g.channels.map((c) => ({
      group: g.group,
      label: g.label,
      channel: c.channel,
      enabled: c.locked ? true : (byKey.get(`${g.group}:${c.channel}`) ?? isOnByDefault(g.group, c.channel)),
      locked: c.locked ?? null,
    })),
  );
}

/**
 * Saves the whole form: every switch the person may change is on when its key
 * ("messages:email") is among `enabled`, off otherwise. Locked switches stay on.
 */
export async function setNotificationPreferences(opts: { userId: string; enabled: readonly string[] }): Promise<void> {
  const on = new Set(opts.enabled);
  await db().$transaction(async (tx) => {
    for (const g of NOTIFICATION_GROUPS)
      for (const c of g.channels) {
        if (isLocked(g.group, c.channel)) continue;
        const enabled = on.has(`${g.group}:${c.channel}`);
        await tx.notificationPreference.upsert({
          where: { userId_group_channel: { userId: opts.userId, group: g.group, channel: c.channel } },
          create: { userId: opts.userId, group: g.group, channel: c.channel, enabled },
          update: { enabled },
        });
      }
  });
}
