import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ActorType, OrderStatus, RefundKind } from "@/lib/generated/prisma/enums";

import type { ChargedOrder } from "./plan-charge-refund";
import type { RefundLine } from "./plan-refund";

// The refund's types, shared by the steps of refundOrder (claim → Stripe → apply) without a
// cycle back to the orchestrator.

export type RefundOrderOptions = {
  orderId: string;
  actorType: ActorType;
  actorId?: string | null;
  reason: string;
  /** When set, the order must belong to this seller (authorization in the query). */
  sellerId?: string;
  /** When set, the order must belong to this buyer. */
  buyerId?: string;
  /** Omitted: everything not yet refunded. */
  lines?: RefundLine[];
  /** Shipping refunded with a partial refund; a whole refund includes remaining shipping. */
  shippingCents?: number;
  /** A partial refund of goods by amount instead of items (a claim settled in part). */
  amountCents?: number;
  /** Idempotency key of this refund, e.g. `return:${returnId}`; default `refund:${orderId}`. */
  key?: string;
  kind?: RefundKind;
  /** Give the refunded quantities back to stock. */
  restock?: boolean;
  /** Refuse unless the order is in one of these statuses, checked under the order's lock. */
  requireStatus?: { statuses: OrderStatus[]; message: string };
  /** Extra order fields written with the move to `refunded` (e.g. who cancelled and why). */
  orderData?: Prisma.OrderUpdateManyMutationInput;
  /** Runs in the transaction that applies the refund, once (e.g. closing a claim it settles). */
  onApplied?: (tx: Tx, refund: { id: string; amountCents: number }) => Promise<void>;
};

export type RefundOrderResult = {
  outcome: "refunded" | "already_refunded";
  refundId: string | null;
  amountCents: number;
};

/** The options once the orchestrator has settled the refund's key and trimmed its reason. */
export type RefundStepOptions = RefundOrderOptions & { key: string; reason: string };

/** The refunds row claimed in step 1. */
export type ClaimedRefund = Prisma.RefundGetPayload<object>;

/** What the Stripe and apply steps need to know about the order, read under its lock. */
export type ClaimedOrder = {
  id: string;
  status: OrderStatus;
  buyerId: string;
  sellerId: string;
  currency: string;
  paymentIntentId: string;
  transferId: string | null;
  transferReversibleCents: number;
  /** Set when the buyer paid in another currency than the shop's (then the Stripe refund is in it). */
  charge: ChargedOrder | null;
};

export type RefundClaim = { refund: ClaimedRefund; order: ClaimedOrder };
