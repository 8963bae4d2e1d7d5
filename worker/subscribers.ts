import { recordOrderPaid, recordOrderRefund } from "@/lib/analytics/events/record-order-events";
import type { Tx } from "@/lib/db/client";
import { queueOrderEmails, queuePartialRefundEmails } from "@/lib/notifications/order-emails";
import { queueReleaseBlockedEmail } from "@/lib/notifications/release-blocked-email";
import type { DomainEventName, DomainEvents } from "@/lib/outbox/events";

export type Subscriber<N extends DomainEventName> = (tx: Tx, event: DomainEvents[N]) => Promise<void>;

// Who reacts to each domain event (lib/outbox/events.ts). The leaves (notifications today)
// subscribe here, at the edge, so the modules that emit an event never import its readers.
// Each subscriber is idempotent: a retried dispatch runs it again and changes nothing.
export const SUBSCRIBERS: { [N in DomainEventName]: Subscriber<N>[] } = {
  "order.paid": [queueOrderEmails, (tx, e) => recordOrderPaid(tx, e.orderId)],
  "order.shipped": [queueOrderEmails],
  "order.delivered": [queueOrderEmails],
  "order.completed": [queueOrderEmails],
  "order.disputed": [queueOrderEmails],
  "order.refunded": [queueOrderEmails, (tx, e) => recordOrderRefund(tx, { orderId: e.orderId, refundId: null })],
  "order.cancelled": [],
  "order.partially_refunded": [
    queuePartialRefundEmails,
    (tx, e) => recordOrderRefund(tx, { orderId: e.orderId, refundId: e.refundId }),
  ],
  "order.release_blocked": [queueReleaseBlockedEmail],
};
