import "server-only";

import { z } from "zod";

import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

import { AUDIT_ACTIONS, type AuditAction } from "./audit-actions";

export const AUDIT_PAGE_SIZE = 50;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
  .optional()
  .catch(undefined);

// A filter that doesn't parse is dropped, never an error: these come from the page's URL.
export const ZAuditQuery = z.object({
  actor: z.uuid().optional().catch(undefined),
  action: z
    .string()
    .refine((v): v is AuditAction => Object.hasOwn(AUDIT_ACTIONS, v))
    .optional()
    .catch(undefined),
  targetType: z
    .string()
    .regex(/^[a-z_]{1,50}$/)
    .optional()
    .catch(undefined),
  targetId: z.string().trim().min(1).max(100).optional().catch(undefined),
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

export type AuditEventRow = {
  id: string;
  occurredAt: Date;
  actorId: string | null;
  actorRole: string;
  actorEmail: string | null;
  action: string;
  targetType: string;
  targetId: string;
  details: Record<string, unknown>;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
};

/**
 * The audit log for the admin console, newest first, filtered by actor, action, target and a
 * date range (whole UTC days, `to` included), a page at a time. Actors are shown by email
 * when their account still exists.
 */
export async function listAuditEvents(
  input: z.input<typeof ZAuditQuery> = {},
): Promise<{ rows: AuditEventRow[]; total: number; pageCount: number; query: TAuditQuery }> {
  const query = ZAuditQuery.parse(input);
  const occurredAt: Prisma.DateTimeFilter = {};
  if (query.from) occurredAt.gte = new Date(`${query.from}T00:00:00Z`);
  if (query.to) occurredAt.lt = new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000);
  const where: Prisma.AuditEventWhereInput = {
    ...(query.actor ? { actorId: query.actor } : {}),
    ...(query.action ? { action: query.action } : {}),
    ...(query.targetType ? { targetType: query.targetType } : {}),
    ...(query.targetId ? { targetId: query.targetId } : {}),
    ...(query.from || query.to ? { occurredAt } : {}),
  };
  const [events, total] = await Promise.all([
    db().auditEvent.findMany({
      where,
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
    db().auditEvent.count({ where }),
  ]);
  const actorIds = [...new Set(events.flatMap((e) => (e.actorId ? [e.actorId] : [])))];
  const actors = actorIds.length
    ? await db().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, email: true } })
    : [];
  const email = new Map(actors.map((a) => [a.id, a.email]));
  return {
    query,
    total,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    rows: events.map((e) => ({
      id: e.id,
      occurredAt: e.occurredAt,
      actorId: e.actorId,
      actorRole: e.actorRole,
      actorEmail: e.actorId ? (email.get(e.actorId) ?? null) : null,
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId,
      details: (e.details ?? {}) as Record<string, unknown>,
      ip: e.ip,
      userAgent: e.userAgent,
      requestId: e.requestId,
    })),
  };
}
