import { recordOrderPaid, recordOrderRefund } from "@/lib/analytics/events/record-order-events";
import { queueClaimEmails } from "@/lib/claims/claim-emails";
import type { Tx } from "@/lib/db/client";
import { EVENT_NOTIFICATIONS } from "@/lib/notifications/catalogue";
import { collectReviewForDigest } from "@/lib/notifications/collect-review-for-digest";
import { queueBackInStockEmails, queuePriceDropEmails } from "@/lib/notifications/favourite-alerts";
import { queueLowStockEmail } from "@/lib/notifications/low-stock-email";
import { queueMessageEmail } from "@/lib/notifications/message-email";
import { queueOrderEmails, queuePartialRefundEmails } from "@/lib/notifications/order-emails";
import { queuePayoutSentEmail } from "@/lib/notifications/payout-sent-email";
import { queuePushNotifications } from "@/lib/notifications/queue-push-notifications";
import { queueSmsNotifications } from "@/lib/notifications/queue-sms-notifications";
import { queueReleaseBlockedEmail } from "@/lib/notifications/release-blocked-email";
import {
  queueEmailChangedEmail,
  queueEmailChangeRequestedEmail,
  queueNewSignInEmail,
  queuePasswordChangedEmail,
} from "@/lib/notifications/security-emails";
import {
  queueListingApprovedEmail,
  queueListingRejectedEmail,
  queueReviewReceivedEmail,
} from "@/lib/notifications/seller-emails";
import { writeInAppNotifications } from "@/lib/notifications/write-in-app-notifications";
import type { DomainEventName, DomainEvents, ReturnMoved } from "@/lib/outbox/events";
import { queueCoPurchaseUpdate } from "@/lib/recommendations/queue-co-purchase-update";
import { queueReturnEmails, type ReturnEmailStep } from "@/lib/returns/return-emails";

export type Subscriber<N extends DomainEventName> = (
  tx: Tx,
  event: DomainEvents[N],
  meta: { eventId: bigint },
) => Promise<void>;

type Subscribers = { [N in DomainEventName]: Subscriber<N>[] };

const returnEmails =
  (step: ReturnEmailStep) =>
  (tx: Tx, e: ReturnMoved): Promise<void> =>
    queueReturnEmails(tx, { returnId: e.returnId, to: step, from: e.from });

// Who reacts to each domain event (lib/outbox/events.ts). The leaves (notifications today)
// subscribe here, at the edge, so the modules that emit an event never import its readers.
// Each subscriber is idempotent: a retried dispatch runs it again and changes nothing.
const EMAIL_AND_OTHER: Subscribers = {
  "order.paid": [queueOrderEmails, (tx, e) => recordOrderPaid(tx, e.orderId), queueCoPurchaseUpdate],
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
  "listing.approved": [queueListingApprovedEmail],
  "listing.rejected": [queueListingRejectedEmail],
  // A seller on the daily digest gets the review there; the email skips them (seller-emails.ts).
  "review.received": [collectReviewForDigest, queueReviewReceivedEmail],
  "message.sent": [queueMessageEmail],
  "product.back_in_stock": [queueBackInStockEmails],
  "product.price_dropped": [queuePriceDropEmails],
  "order.held": [],
  "product.low_stock": [queueLowStockEmail],
  "payout.sent": [queuePayoutSentEmail],
  "return.requested": [returnEmails("requested")],
  "return.label_ready": [returnEmails("label_ready")],
  "return.accepted": [returnEmails("accepted")],
  "return.declined": [returnEmails("declined")],
  "return.escalated": [returnEmails("escalated")],
  "return.rejected": [returnEmails("rejected")],
  "return.refunded": [returnEmails("refunded")],
  "claim.opened": [(tx, e) => queueClaimEmails(tx, { claimId: e.claimId, event: "opened" })],
  // A refunded claim is told by its refund's emails (order.partially_refunded or order.refunded).
  "claim.decided": [
    (tx, e) =>
      e.outcome === "rejected" ? queueClaimEmails(tx, { claimId: e.claimId, event: "rejected" }) : Promise.resolve(),
  ],
  "account.password_changed": [queuePasswordChangedEmail],
  "account.email_change_requested": [queueEmailChangeRequestedEmail],
  "account.email_changed": [queueEmailChangedEmail],
  "account.new_sign_in": [queueNewSignInEmail],
};

// Every event the catalogue sends in-app, by push or by SMS (lib/notifications/catalogue.ts) also
// gets that channel's writer.
export const SUBSCRIBERS = Object.fromEntries(
  (Object.keys(EMAIL_AND_OTHER) as DomainEventName[]).map((name) => [
    name,
    [
      ...EMAIL_AND_OTHER[name],
      ...(EVENT_NOTIFICATIONS[name].channels.includes("in_app") ? [writeInAppNotifications(name)] : []),
      ...(EVENT_NOTIFICATIONS[name].channels.includes("push") ? [queuePushNotifications(name)] : []),
      ...(EVENT_NOTIFICATIONS[name].channels.includes("sms") ? [queueSmsNotifications(name)] : []),
    ],
  ]),
) as Subscribers;
