import "server-only";

import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ActorType } from "@/lib/generated/prisma/enums";
import { currentRequestContext } from "@/lib/log/request-context";

import type { AuditAction } from "./audit-actions";

export type AuditActor = { role: ActorType; id?: string | null };

/**
 * Appends one row to the audit log, in the caller's transaction (so the action and its record
 * commit together). Who is the caller's to say; from where (client IP, user agent, request id)
 * comes from the request context the HTTP wrappers set, or the worker's job id.
 */
export async function recordAuditEvent(
  tx: Tx,
  event: {
    actor: AuditActor;
    action: AuditAction;
    target: { type: string; id: string };
    details?: Record<string, Prisma.InputJsonValue | null>;
  },
): Promise<void> {
  const ctx = currentRequestContext();
  const person = event.actor.role !== "system" && event.actor.role !== "webhook";
  await tx.auditEvent.create({
    data: {
      actorId: person ? (event.actor.id ?? null) : null,
      actorRole: event.actor.role,
      action: event.action,
      targetType: event.target.type,
      targetId: event.target.id,
      details: (event.details ?? {}) as Prisma.InputJsonObject,
      ip: ctx?.ip?.slice(0, 100) ?? null,
      userAgent: ctx?.userAgent?.slice(0, 500) ?? null,
      requestId: ctx?.requestId ?? null,
    },
  });
}
