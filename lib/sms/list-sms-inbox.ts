import "server-only";

import { db } from "@/lib/db/client";

export type SmsInboxMessage = {
  id: string;
  to: string;
  body: string;
  template: string;
  status: string;
  error: string | null;
  createdAt: Date;
  sentAt: Date | null;
};

/** The dev SMS inbox for admins: the newest text messages the platform sent (or queued). */
export async function listSmsInbox(
  opts: { page?: number; pageSize?: number; to?: string } = {},
): Promise<{ messages: SmsInboxMessage[]; total: number }> {
  const pageSize = Math.min(opts.pageSize ?? 25, 100);
  const page = Math.max(1, opts.page ?? 1);
  const where = {
    channel: "sms" as const,
    ...(opts.to ? { toAddress: { contains: opts.to.replace(/[^\d+]/g, "") } } : {}),
  };
  const [rows, total] = await Promise.all([
    db().notification.findMany({ where, orderBy: { createdAt: "desc" }, skip: (page - 1) * pageSize, take: pageSize }),
    db().notification.count({ where }),
  ]);
  return {
    messages: rows.map((r) => ({
      id: r.id,
      to: r.toAddress,
      body: r.body,
      template: r.template,
      status: r.status,
      error: r.error,
      createdAt: r.createdAt,
      sentAt: r.sentAt,
    })),
    total,
  };
}
