// Who hears what: per person, per event group and channel. No row means on. Transactional
// email (an order's confirmation, shipping, refunds) has no switch: it is how the platform
// tells a buyer or seller about their money and goods.
import type { Tx } from "@/lib/db/client";
import type { NotificationChannel } from "@/lib/generated/prisma/enums";
import { TRANSACTIONAL_FOOTERS } from "@/lib/mail/transactional-footers";

export type NotificationGroup = "orders" | "payouts" | "messages" | "listings" | "reviews" | "favourites" | "security";

export const NOTIFICATION_GROUPS: readonly {
  group: NotificationGroup;
  label: string;
  /** Completes an email's footer: "You're getting this email because …". */
  reason: string;
  /** The channels the group uses; a locked one is always sent; an `optIn` one is off until turned on. */
  channels: readonly { channel: NotificationChannel; locked?: string; optIn?: true }[];
}[] = [
  {
    group: "orders",
    label: "Orders: confirmed, shipped, delivered, refunds, returns and claims",
    reason: TRANSACTIONAL_FOOTERS.order.reason,
    channels: [
      { channel: "email", locked: "Order emails are always sent: they are your record of each purchase and sale." },
      { channel: "in_app" },
      { channel: "push" },
      { channel: "sms", optIn: true },
    ],
  },
  {
    group: "payouts",
    label: "Payouts sent to your bank",
    reason: "it is about your shop's payouts",
    channels: [
      { channel: "email", locked: "Payout emails are always sent: they are your record of money paid to you." },
      { channel: "in_app" },
    ],
  },
  {
    group: "security",
    label: "Account security: password or email changed, a sign-in from a new browser",
    reason: TRANSACTIONAL_FOOTERS.security.reason,
    channels: [
      {
        channel: "email",
        locked: "Security emails are always sent, so you hear at once if someone else is in your account.",
      },
      { channel: "in_app" },
    ],
  },
  {
    group: "messages",
    label: "Messages from buyers and shops",
    reason: "someone wrote to you in a conversation, and message emails are on",
    channels: [{ channel: "email" }, { channel: "in_app" }, { channel: "push" }],
  },
  {
    group: "listings",
    label: "Your listings approved or rejected, and low stock after a sale",
    reason: "it is about one of your shop's listings, and listing emails are on",
    channels: [{ channel: "email" }, { channel: "in_app" }],
  },
  {
    group: "reviews",
    label: "Reviews of your shop's items",
    reason: "a buyer reviewed your shop's item, and review emails are on",
    channels: [{ channel: "email" }, { channel: "in_app" }],
  },
  {
    group: "favourites",
    label: "Items you saved: back in stock or cheaper",
    reason: "you saved this item to your favourites, and alerts for saved items are on",
    channels: [{ channel: "email" }, { channel: "in_app" }],
  },
];

export function isLocked(group: NotificationGroup, channel: NotificationChannel): boolean {
  return Boolean(
    NOTIFICATION_GROUPS.find((g) => g.group === group)?.channels.find((c) => c.channel === channel)?.locked,
  );
}

/** Whether the switch is on for someone who never changed it (SMS is opt-in). */
export function isOnByDefault(group: NotificationGroup, channel: NotificationChannel): boolean {
  return !NOTIFICATION_GROUPS.find((g) => g.group === group)?.channels.find((c) => c.channel === channel)?.optIn;
}

export function usesChannel(group: NotificationGroup, channel: NotificationChannel): boolean {
  return Boolean(NOTIFICATION_GROUPS.find((g) => g.group === group)?.channels.some((c) => c.channel === channel));
}

/** Whether this person gets this group's notifications on this channel. */
export async function wantsNotification(
  tx: Tx,
  opts: { userId: string; group: NotificationGroup; channel: NotificationChannel },
): Promise<boolean> {
  if (isLocked(opts.group, opts.channel)) return true;
  const row = await tx.notificationPreference.findUnique({
    where: { userId_group_channel: { userId: opts.userId, group: opts.group, channel: opts.channel } },
    select: { enabled: true },
  });
  return row?.enabled ?? isOnByDefault(opts.group, opts.channel);
}
