import "server-only";

import { env } from "@/lib/env";
import { t, type NotificationLocale } from "@/lib/mail/i18n/translate";
import type { EmailFooter } from "@/lib/mail/render-email";

import { isLocked, NOTIFICATION_GROUPS, type NotificationGroup } from "./preferences";
import { signUnsubscribeToken } from "./unsubscribe-token";

/**
 * The footer of an email in a notification group: why it came and, when the person may turn
 * the group's email off, the signed one-click unsubscribe link (sent as List-Unsubscribe too).
 */
export function emailFooterFor(userId: string, group: NotificationGroup, locale?: NotificationLocale): EmailFooter {
  // A localised email reads its reason from the catalogue; the older English-only ones from the group.
  const reason = locale
    ? t(locale, REASON_KEY[group])
    : (NOTIFICATION_GROUPS.find((g) => g.group === group)?.reason ?? "you have an account with us");
  if (isLocked(group, "email")) return { reason };
  const token = signUnsubscribeToken({ userId, group, channel: "email" }, { secret: env().UNSUBSCRIBE_SECRET });
  return { reason, unsubscribeUrl: `${env().APP_URL}/api/v1/unsubscribe?token=${token}` };
}

const REASON_KEY = {
  orders: "reason.orders",
  payouts: "reason.payouts",
  listings: "reason.listings",
  messages: "reason.messages",
  reviews: "reason.reviews",
  favourites: "reason.favourites",
  security: "reason.security",
} as const satisfies Record<NotificationGroup, string>;
