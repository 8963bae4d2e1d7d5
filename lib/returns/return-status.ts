import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ActorType, ReturnStatus } from "@/lib/generated/prisma/enums";
import { emitDomainEvent } from "@/lib/outbox/emit-domain-event";
import { returnMovedEvent } from "@/lib/outbox/events";

/**
 * The return lifecycle in one table: for each status, the statuses it may move to and who may
 * make that move. "system" is the worker (label, auto-refund), "webhook" the carrier's tracking.
 *
 *   requested ─seller/admin─▶ accepted ─carrier─▶ in_transit ─carrier─▶ delivered
 *       │ seller                 │ seller (receipt, any time after acceptance) │
 *       ▼                        ▼                                            ▼
 *   declined ─buyer─▶ escalated ─admin─▶ accepted            received ──▶ refunded ◀── delivered + N days silent
 *                          └──admin─▶ rejected
 *   cancelled: the buyer withdraws before the parcel is on its way.
 */
export const RETURN_TRANSITIONS: Record<ReturnStatus, Partial<Record<ReturnStatus, ActorType[]>>> = {
  requested: { accepted: ["seller", "admin"], declined: ["seller"], cancelled: ["buyer"] },
  declined: { escalated: ["buyer"], cancelled: ["buyer"] },
  escalated: { accepted: ["admin"], rejected: ["admin"] },
  accepted: {
    in_transit: ["webhook", "system"],
    delivered: ["webhook", "system"],
    received: ["seller", "admin"],
    cancelled: ["buyer"],
  },
  in_transit: { delivered: ["webhook", "system"], received: ["seller", "admin"] },
  delivered: { received: ["seller", "admin"], refunded: ["system"] },
  received: { refunded: ["system"] },
  rejected: {},
  cancelled: {},
  refunded: {},
};

/** Statuses in which the return's items are still spoken for (no second return of them). */
export const OPEN_RETURN_STATUSES: ReturnStatus[] = [
  "requested",
  "declined",
  "escalated",
  "accepted",
  "in_transit",
  "delivered",
  "received",
];

export function canMoveReturn(from: ReturnStatus, to: ReturnStatus, actor?: ActorType): boolean {
  const who = RETURN_TRANSITIONS[from][to];
  return Boolean(who && (actor === undefined || who.includes(actor)));
}

const STAMP: Partial<Record<ReturnStatus, keyof Prisma.ReturnUpdateManyMutationInput>> = {
  delivered: "carrierDeliveredAt",
  received: "receivedAt",
  refunded: "refundedAt",
};

const PHRASE: Record<ReturnStatus, string> = {
  requested: "requested",
  declined: "declined",
  escalated: "escalated to the marketplace",
  rejected: "closed: the decline stands",
  cancelled: "cancelled",
  accepted: "accepted",
  in_transit: "on its way back",
  delivered: "delivered to the seller",
  received: "received by the seller",
  refunded: "refunded",
};

export const returnStatusPhrase = (s: ReturnStatus) => PHRASE[s];

/**
 * Moves a return inside the caller's transaction: conditional on its current status (a repeat
 * or a lost race changes nothing and answers changed: false), refused with a 409 when the table
 * has no such move for this actor, recorded with who did it, and the step announced
 * (return.<step>). Items stop counting as open when the return ends.
 */
export async function transitionReturn(
  tx: Tx,
  opts: {
    returnId: string;
    to: ReturnStatus;
    actorType: ActorType;
    actorId?: string | null;
    note?: string | null;
    data?: Prisma.ReturnUpdateManyMutationInput;
    from?: ReturnStatus[];
    at?: Date;
  },
): Promise<{ changed: boolean; from: ReturnStatus }> {
  const current = await tx.return.findUnique({ where: { id: opts.returnId }, select: { status: true } });
  if (!current) throw new AppError("not_found", "Return not found.");
  if (current.status === opts.to) return { changed: false, from: current.status };
  if (!canMoveReturn(current.status, opts.to, opts.actorType) || (opts.from && !opts.from.includes(current.status))) {
    throw new AppError("conflict", `This return is ${PHRASE[current.status]}; it can't be ${PHRASE[opts.to]} now.`, {
      from: current.status,
      to: opts.to,
    });
  }
  const stamp = STAMP[opts.to];
  const updated = await tx.return.updateMany({
    where: { id: opts.returnId, status: current.status },
    data: { status: opts.to, ...(stamp ? { [stamp]: opts.at ?? new Date() } : {}), ...opts.data },
  });
  if (updated.count === 0) return { changed: false, from: current.status };
  if (!OPEN_RETURN_STATUSES.includes(opts.to))
    await tx.returnItem.updateMany({ where: { returnId: opts.returnId }, data: { open: false } });
  await tx.returnStatusChange.create({
    data: {
      returnId: opts.returnId,
      fromStatus: current.status,
      toStatus: opts.to,
      actorType: opts.actorType,
      actorId: opts.actorId ?? null,
      note: opts.note?.slice(0, 1000) ?? null,
    },
  });
  // People hear about the step from the worker (return-emails.ts and the in-app notes), not in this transaction.
  const event = returnMovedEvent(opts.to);
  if (event) await emitDomainEvent(tx, event, { returnId: opts.returnId, from: current.status });
  return { changed: true, from: current.status };
}
