import "server-only";

import { z } from "zod";

import { db } from "@/lib/db/client";

export const UNDELIVERED_STATUSES = ["failed", "bounced", "suppressed"] as const;
export type UndeliveredStatus = (typeof UNDELIVERED_STATUSES)[number];
export const UNDELIVERED_PAGE_SIZE = 25;

// A filter that doesn't parse is dropped, never an error: these come from the page's URL.
export const ZUndeliveredQuery = z.object({
  status: z.enum(UNDELIVERED_STATUSES).optional().catch(undefined),
  to: z.string().trim().toLowerCase().min(1).max(254).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
});
export type TUndeliveredQuery = z.infer<typeof ZUndeliveredQuery>;

export type UndeliveredNotification = {
  id: string;
  to: string;
  subject: string;
  template: string;
  status: UndeliveredStatus;
  reason: string | null;
  attempts: number;
  lastAttemptAt: Date | null;
  createdAt: Date;
  /** The address is on the suppression list now (a resend waits for it to be lifted). */
  suppressed: boolean;
};

/**
 * The dead letters for admins: emails that failed after their last attempt, bounced, or were
 * not attempted because the address is suppressed, newest first, filtered by status and
 * recipient, with how many there are of each status.
 */
export async function listUndeliveredNotifications(input: z.input<typeof ZUndeliveredQuery> = {}): Promise<{
  rows: UndeliveredNotification[];
  total: number;
  counts: Record<UndeliveredStatus, number>;
  pageCount: number;
  query: TUndeliveredQuery;
}> {
  const query = ZUndeliveredQuery.parse(input);
  const where = {
    channel: "email" as const,
    status: query.status ? query.status : { in: [...UNDELIVERED_STATUSES] },
    ...(query.to ? { toAddress: { contains: query.to, mode: "insensitive" as const } } : {}),
  };
  const [rows, total, grouped] = await Promise.all([
    db().notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * UNDELIVERED_PAGE_SIZE,
      take: UNDELIVERED_PAGE_SIZE,
      select: {
        id: true,
        toAddress: true,
        subject: true,
        template: true,
        status: true,
        error: true,
        attempts: true,
        lastAttemptAt: true,
        createdAt: true,
      },
    }),
    db().notification.count({ where }),
    db().notification.groupBy({
      by: ["status"],
      where: { channel: "email", status: { in: [...UNDELIVERED_STATUSES] } },
      _count: { _all: true },
    }),
  ]);
  const addresses = [...new Set(rows.map((r) => r.toAddress.toLowerCase()))];
  const suppressed = new Set(
    (await db().emailSuppression.findMany({ where: { address: { in: addresses } }, select: { address: true } })).map(
      (s) => s.address,
    ),
  );
  const counts = { failed: 0, bounced: 0, suppressed: 0 };
  for (const g of grouped) counts[g.status as UndeliveredStatus] = g._count._all;
  return {
    rows: rows.map((r) => ({
      id: r.id,
      to: r.toAddress,
      subject: r.subject,
      template: r.template,
      status: r.status as UndeliveredStatus,
      reason: r.error,
      attempts: r.attempts,
      lastAttemptAt: r.lastAttemptAt,
      createdAt: r.createdAt,
      suppressed: suppressed.has(r.toAddress.toLowerCase()),
    })),
    total,
    counts,
    pageCount: Math.max(1, Math.ceil(total / UNDELIVERED_PAGE_SIZE)),
    query,
  };
}
