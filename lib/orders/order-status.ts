import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ActorType, OrderStatus } from "@/lib/generated/prisma/enums";
import { emitDomainEvent } from "@/lib/outbox/emit-domain-event";
import { orderMovedEvent } from "@/lib/outbox/events";

// The order lifecycle in one table. Who may make each move is checked by the caller's
// domain function; this table decides which moves exist at all.
export const ORDER_TRANSITIONS: Record<OrderStatus, OrderStatus[]> = {
  pending: ["paid", "cancelled"],
  paid: ["shipped", "refunded", "cancelled"],
  shipped: ["delivered", "refunded", "disputed"],
  delivered: ["completed", "disputed", "refunded"],
  disputed: ["refunded", "completed"],
  completed: ["refunded"],
  cancelled: [],
  refunded: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

const TIMESTAMP: Partial<Record<OrderStatus, keyof Prisma.OrderUpdateManyMutationInput>> = {
  paid: "paidAt",
  shipped: "shippedAt",
  delivered: "deliveredAt",
  completed: "completedAt",
  cancelled: "cancelledAt",
};

/**
 * Moves an order from one status to another inside the caller's transaction, records who
 * did it and announces the move as a domain event (`order.<status>`, lib/outbox/events.ts),
 * to which the emails and other reactions subscribe in the worker. Conditional on the current status, so a duplicate or out-of-order attempt
 * changes nothing: it returns false when the order had already moved on, and throws a 409
 * when the move is not allowed from where the order is.
 */
export async function transitionOrder(
  tx: Tx,
  opts: {
    orderId: string;
    to: OrderStatus;
    actorType: ActorType;
    actorId?: string | null;
    note?: string;
    data?: Prisma.OrderUpdateManyMutationInput;
    from?: OrderStatus[];
  },
): Promise<{ changed: boolean; from: OrderStatus }> {
  const order = await tx.order.findUnique({ where: { id: opts.orderId }, select: { status: true } });
  if (!order) throw new AppError("not_found", "Order not found.");
  if (order.status === opts.to) return { changed: false, from: order.status };
  const allowedFrom =
    opts.from ?? (Object.keys(ORDER_TRANSITIONS) as OrderStatus[]).filter((s) => canTransition(s, opts.to));
  if (!canTransition(order.status, opts.to) || !allowedFrom.includes(order.status)) {
    throw new AppError("conflict", `This order is ${order.status}; it can't become ${opts.to}.`, {
      from: order.status,
      to: opts.to,
    });
  }
  const stamp = TIMESTAMP[opts.to];
  const updated = await tx.order.updateMany({
    where: { id: opts.orderId, status: order.status },
    data: { status: opts.to, ...(stamp ? { [stamp]: new Date() } : {}), ...opts.data },
  });
  if (updated.count === 0) return { changed: false, from: order.status };
  await tx.orderStatusChange.create({
    data: {
      orderId: opts.orderId,
      fromStatus: order.status,
      toStatus: opts.to,
      actorType: opts.actorType,
      actorId: opts.actorId ?? null,
      note: opts.note,
    },
  });
  const event = orderMovedEvent(opts.to);
  if (event) await emitDomainEvent(tx, event, { orderId: opts.orderId, from: order.status, to: opts.to });
  return { changed: true, from: order.status };
}
