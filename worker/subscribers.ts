import type { Tx } from "@/lib/db/client";
import { queueOrderEmails, queuePartialRefundEmails } from "@/lib/notifications/order-emails";
import { queueReleaseBlockedEmail } from "@/lib/notifications/release-blocked-email";
import type { DomainEventName, DomainEvents } from "@/lib/outbox/events";

export type Subscriber<N extends DomainEventName> = (tx: Tx, event: DomainEvents[N]) => Promise<void>;

// Who reacts to each domain event (lib/outbox/events.ts). The leaves (notifications today)
// subscribe here, at the edge, so the modules that emit an event never import its readers.
// Each subscriber is idempotent: a retried dispatch runs it again and changes nothing.
export const SUBSCRIBERS: { [N in DomainEventName]: Subscriber<N>[] } = {
  "order.paid": [queueOrderEmails],
  "order.shipped": [queueOrderEmails],
  "order.delivered": [queueOrderEmails],
  "order.completed": [queueOrderEmails],
  "order.disputed": [queueOrderEmails],
  "order.refunded": [queueOrderEmails],
  "order.cancelled": [],
  "order.partially_refunded": [queuePartialRefundEmails],
  "order.release_blocked": [queueReleaseBlockedEmail],
};
