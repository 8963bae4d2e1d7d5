import "server-only";

import { db } from "@/lib/db/client";

export type MailboxMessage = {
  id: string;
  to: string;
  subject: string;
  body: string;
  /** The HTML part (null for emails stored before emails had one). */
  html: string | null;
  template: string;
  status: string;
  createdAt: Date;
  sentAt: Date | null;
};

/** The dev mailbox for admins: the newest messages the platform sent. */
export async function listMailbox(
  opts: { page?: number; pageSize?: number; to?: string } = {},
): Promise<{ messages: MailboxMessage[]; total: number }> {
  const pageSize = Math.min(opts.pageSize ?? 25, 100);
  const page = Math.max(1, opts.page ?? 1);
  const where = { channel: "email" as const, ...(opts.to ? { toAddress: { contains: opts.to.toLowerCase() } } : {}) };
  const [rows, total] = await Promise.all([
    db().notification.findMany({ where, orderBy: { createdAt: "desc" }, skip: (page - 1) * pageSize, take: pageSize }),
    db().notification.count({ where }),
  ]);
  return {
    messages: rows.map((r) => ({
      id: r.id,
      to: r.toAddress,
      subject: r.subject,
      body: r.body,
      html: r.html,
      template: r.template,
      status: r.status,
      createdAt: r.createdAt,
      sentAt: r.sentAt,
    })),
    total,
  };
}
