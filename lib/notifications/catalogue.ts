// The notification catalogue: for every domain event, the preference group it belongs to and
// the channels it reaches people on. Email templates live with their subscribers
// (order-emails.ts, message-email.ts, seller-emails.ts, …); in-app ones in in-app-templates.ts,
// which push reuses (lib/push); SMS has its own short ones (lib/sms/sms-templates.ts).
// catalogue.int.test.ts dispatches each event and fails when a targeted channel writes nothing.
import type { NotificationChannel } from "@/lib/generated/prisma/enums";
import type { DomainEventName } from "@/lib/outbox/events";

import type { NotificationGroup } from "./preferences";

export const EVENT_NOTIFICATIONS: {
  [N in DomainEventName]: { group: NotificationGroup; channels: readonly NotificationChannel[] };
} = {
  "order.paid": { group: "orders", channels: ["email", "in_app"] },
  "order.shipped": { group: "orders", channels: ["email", "in_app", "push", "sms"] },
  "order.delivered": { group: "orders", channels: ["email", "in_app", "push"] },
  "order.completed": { group: "orders", channels: ["email"] },
  "order.disputed": { group: "orders", channels: ["email"] },
  "order.refunded": { group: "orders", channels: ["email"] },
  "order.cancelled": { group: "orders", channels: [] },
  "order.partially_refunded": { group: "orders", channels: ["email"] },
  "order.release_blocked": { group: "orders", channels: ["email", "sms"] },
  "listing.approved": { group: "listings", channels: ["email", "in_app"] },
  "listing.rejected": { group: "listings", channels: ["email", "in_app"] },
  "review.received": { group: "reviews", channels: ["email", "in_app"] },
  "message.sent": { group: "messages", channels: ["email", "in_app", "push"] },
  "product.back_in_stock": { group: "favourites", channels: ["email", "in_app"] },
  "product.price_dropped": { group: "favourites", channels: ["email", "in_app"] },
  // The held order's email is order.paid's (it says "don't ship yet"); this is the urgent nudge.
  "order.held": { group: "orders", channels: ["in_app", "push", "sms"] },
  "product.low_stock": { group: "listings", channels: ["email", "in_app"] },
  "payout.sent": { group: "payouts", channels: ["email", "in_app"] },
  "return.requested": { group: "orders", channels: ["email", "in_app"] },
  "return.label_ready": { group: "orders", channels: ["email", "in_app"] },
  "return.accepted": { group: "orders", channels: ["email", "in_app"] },
  "return.declined": { group: "orders", channels: ["email", "in_app"] },
  "return.escalated": { group: "orders", channels: ["email", "in_app"] },
  "return.rejected": { group: "orders", channels: ["email", "in_app"] },
  "return.refunded": { group: "orders", channels: ["email", "in_app"] },
  "claim.opened": { group: "orders", channels: ["email", "in_app"] },
  "claim.decided": { group: "orders", channels: ["email", "in_app"] },
  "account.password_changed": { group: "security", channels: ["email", "in_app"] },
  "account.email_change_requested": { group: "security", channels: ["email"] },
  "account.email_changed": { group: "security", channels: ["email", "in_app"] },
  "account.new_sign_in": { group: "security", channels: ["email", "in_app"] },
};
