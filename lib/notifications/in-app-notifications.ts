import "server-only";

import { db } from "@/lib/db/client";

export type InAppNotification = {
  id: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
};

/** A person's in-app notifications, newest first (their own only: the user id is in the query). */
export async function listInAppNotifications(opts: {
  userId: string;
  unreadOnly?: boolean;
  page?: number;
  pageSize?: number;
}): Promise<{ notifications: InAppNotification[]; total: number; unread: number }> {
  const pageSize = Math.min(opts.pageSize ?? 30, 100);
  const page = Math.max(1, opts.page ?? 1);
  const mine = { userId: opts.userId, channel: "in_app" as const };
  const where = { ...mine, ...(opts.unreadOnly ? { readAt: null } : {}) };
  const [rows, total, unread] = await Promise.all([
    db().notification.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, subject: true, body: true, link: true, createdAt: true, readAt: true },
    }),
    db().notification.count({ where }),
    countUnreadNotifications(opts.userId),
  ]);
  return {
    notifications: rows.map((r) => ({
      id: r.id,
      title: r.subject,
      body: r.body,
      link: r.link,
      createdAt: r.createdAt,
      readAt: r.readAt,
    })),
    total,
    unread,
  };
}

/** The bell's number. */
export function countUnreadNotifications(userId: string): Promise<number> {
  return db().notification.count({ where: { userId, channel: "in_app", readAt: null } });
}

/** Marks one of the person's notifications read (another person's id changes nothing); returns its link. */
export async function markNotificationRead(opts: { userId: string; notificationId: string }): Promise<string | null> {
  const mine = { id: opts.notificationId, userId: opts.userId, channel: "in_app" as const };
  await db().notification.updateMany({
    where: { ...mine, readAt: null },
    data: { readAt: new Date(), status: "opened" },
  });
  const row = await db().notification.findFirst({ where: mine, select: { link: true } });
  return row?.link ?? null;
}

/** Marks every unread in-app notification of the person read; returns how many. */
export async function markAllNotificationsRead(userId: string): Promise<number> {
  const { count } = await db().notification.updateMany({
    where: { userId, channel: "in_app", readAt: null },
    data: { readAt: new Date(), status: "opened" },
  });
  return count;
}
