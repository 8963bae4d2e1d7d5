// The domain events other modules react to, in one place. Each is an outbox row written in
// the transaction of the change it announces (so it exists exactly when the change commits),
// and the worker hands it to the subscribers in worker/subscribers.ts. Subscribers may run
// more than once for one event (a retried job), so each is idempotent: the emails carry a
// dedupe key per order, move and recipient.
import type { OrderStatus, RefundKind, ReleaseBlockCode, ReturnStatus } from "@/lib/generated/prisma/enums";

import type { OutboxAggregate } from "./record-outbox-event";

/** An order moved through its transition table (lib/orders/order-status.ts). */
export type OrderMoved = { orderId: string; from: OrderStatus; to: OrderStatus };

/** A return reached a step its people hear about (lib/returns); `label_ready` is an accepted return's label. */
export type ReturnMoved = { returnId: string; from: ReturnStatus | null };

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
  /** A paid order was held for payment review: the seller must not ship it until it is cleared. */
  "order.held": { orderId: string };
  /** A sale took a listing's stock to or below its low-stock threshold (announced once per crossing). */
  "product.low_stock": { productId: string; inventoryCount: number; threshold: number };
  /** The daily payout run sent a seller's available balance to their bank (lib/payouts). */
  "payout.sent": { payoutId: string; sellerId: string };
  "return.requested": ReturnMoved;
  "return.label_ready": ReturnMoved;
  "return.accepted": ReturnMoved;
  "return.declined": ReturnMoved;
  "return.escalated": ReturnMoved;
  "return.rejected": ReturnMoved;
  "return.refunded": ReturnMoved;
  /** A buyer opened a claim on a delivered order (lib/claims). */
  "claim.opened": { claimId: string };
  /** An admin decided a claim: refunded (in full or part) or rejected. */
  "claim.decided": { claimId: string; outcome: "refunded" | "rejected" };
  /** Security events: the account holder is always told (their email can't be turned off). */
  "account.password_changed": { userId: string; via: "change" | "reset" };
  "account.email_change_requested": { userId: string; oldEmail: string; newEmail: string };
  "account.email_changed": { userId: string; oldEmail: string; newEmail: string };
  /** A sign-in from a browser this account had not signed in from before. */
  "account.new_sign_in": { userId: string; sessionId: string };
};

export type DomainEventName = keyof DomainEvents;

/** The event an order's move announces: `order.<status>` (a move to pending announces nothing). */
export function orderMovedEvent(to: OrderStatus): DomainEventName | null {
  return to === "pending" ? null : `order.${to}`;
}

const RETURN_STEPS_ANNOUNCED: ReadonlySet<ReturnStatus> = new Set([
  "requested",
  "accepted",
  "declined",
  "escalated",
  "rejected",
  "refunded",
]);

/** The event a return's move announces, for the steps its people hear about (others announce nothing). */
export function returnMovedEvent(to: ReturnStatus): (`return.${ReturnStatus}` & DomainEventName) | null {
  return RETURN_STEPS_ANNOUNCED.has(to) ? (`return.${to}` as `return.${ReturnStatus}` & DomainEventName) : null;
}

/** The outbox aggregate an event is about (what outbox consumers filter on) and its id. */
export function eventAggregate<N extends DomainEventName>(
  name: N,
  payload: DomainEvents[N],
): { type: OutboxAggregate; id: string } {
  const p = payload as Partial<{
    orderId: string;
    productId: string;
    reviewId: string;
    conversationId: string;
    returnId: string;
    claimId: string;
    sellerId: string;
    userId: string;
  }>;
  if (p.returnId) return { type: "return", id: p.returnId };
  if (p.claimId) return { type: "claim", id: p.claimId };
  if (p.orderId) return { type: "order", id: p.orderId };
  if (p.productId) return { type: "product", id: p.productId };
  if (p.reviewId) return { type: "review", id: p.reviewId };
  if (p.conversationId) return { type: "conversation", id: p.conversationId };
  if (p.sellerId) return { type: "seller", id: p.sellerId };
  if (p.userId) return { type: "user", id: p.userId };
  throw new Error(`domain event ${name} names no aggregate`);
}
