// The domain events other modules react to, in one place. Each is an outbox row written in
// the transaction of the change it announces (so it exists exactly when the change commits),
// and the worker hands it to the subscribers in worker/subscribers.ts. Subscribers may run
// more than once for one event (a retried job), so each is idempotent: the emails carry a
// dedupe key per order, move and recipient.
import type { OrderStatus, RefundKind, ReleaseBlockCode } from "@/lib/generated/prisma/enums";

import type { OutboxAggregate } from "./record-outbox-event";

/** An order moved through its transition table (lib/orders/order-status.ts). */
export type OrderMoved = { orderId: string; from: OrderStatus; to: OrderStatus };

export type DomainEvents = {
  "order.paid": OrderMoved;
  "order.shipped": OrderMoved;
  "order.delivered": OrderMoved;
  "order.completed": OrderMoved;
  "order.disputed": OrderMoved;
  "order.refunded": OrderMoved;
  "order.cancelled": OrderMoved;
  /** Part of a paid order was refunded; the order keeps its status. */
  "order.partially_refunded": {
    orderId: string;
    refundId: string;
    amountCents: number;
    reason: string;
    kind: RefundKind;
  };
  /** A delivered order's release to the seller could not run and was parked with this cause. */
  "order.release_blocked": { orderId: string; code: ReleaseBlockCode; reason: string };
  /** A listing went live after moderation (automatic or an admin's approval). */
  "listing.approved": { productId: string };
  /** An admin rejected a listing in moderation, with the reason the seller reads. */
  "listing.rejected": { productId: string; reason: string };
  /** A buyer reviewed an item their shop sold. */
  "review.received": { reviewId: string };
  /** A participant wrote in a conversation (lib/messages). */
  "message.sent": { conversationId: string; messageId: string };
  /** A seller restocked a sold-out listing (0 → more): the buyers who saved it hear once per restock. */
  "product.back_in_stock": { productId: string; inventoryCount: number };
  /** A seller lowered a live listing's price: the buyers who saved it hear the old and new price. */
  "product.price_dropped": { productId: string; oldPriceCents: number; newPriceCents: number; currency: string };
};

export type DomainEventName = keyof DomainEvents;

/** The event an order's move announces: `order.<status>` (a move to pending announces nothing). */
export function orderMovedEvent(to: OrderStatus): DomainEventName | null {
  return to === "pending" ? null : `order.${to}`;
}

/** The outbox aggregate an event is about (what outbox consumers filter on) and its id. */
export function eventAggregate<N extends DomainEventName>(
  name: N,
  payload: DomainEvents[N],
): { type: OutboxAggregate; id: string } {
  const p = payload as Partial<{ orderId: string; productId: string; reviewId: string; conversationId: string }>;
  if (p.orderId) return { type: "order", id: p.orderId };
  if (p.productId) return { type: "product", id: p.productId };
  if (p.reviewId) return { type: "review", id: p.reviewId };
  if (p.conversationId) return { type: "conversation", id: p.conversationId };
  throw new Error(`domain event ${name} names no aggregate`);
}
