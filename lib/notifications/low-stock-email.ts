// The seller's email when a sale takes a listing to its low-stock threshold or below
// (product.low_stock), unless they turned listing emails off.
import "server-only";

import type { Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { hello, t, type NotificationLocale } from "@/lib/mail/i18n/translate";
import { queueEmail } from "@/lib/mail/queue-email";
import type { DomainEvents } from "@/lib/outbox/events";

import { emailFooterFor } from "./email-footer";
import { wantsNotification } from "./preferences";
import { localeOf, RECIPIENT_SELECT } from "./recipient";

export function lowStockEmail(
  p: { title: string; count: number; threshold: number },
  to: { name: string | null },
  locale: NotificationLocale,
  appUrl: string,
): { subject: string; body: string } {
  const values = { title: p.title, count: p.count, threshold: p.threshold };
  return {
    subject: t(locale, "lowStock.email.subject", values).slice(0, 300),
    body: t(locale, "lowStock.email.body", {
      ...values,
      hello: hello(locale, to.name),
      link: `${appUrl}/seller/inventory`,
    }),
  };
}

export async function queueLowStockEmail(
  tx: Tx,
  e: DomainEvents["product.low_stock"],
  meta: { eventId: bigint },
): Promise<void> {
  const p = await tx.product.findUnique({
    where: { id: e.productId },
    select: { id: true, title: true, seller: { select: { user: { select: RECIPIENT_SELECT } } } },
  });
  if (!p || p.seller.user.deletedAt) return;
  const user = p.seller.user;
  if (!(await wantsNotification(tx, { userId: user.id, group: "listings", channel: "email" }))) return;
  const locale = localeOf(user);
  await queueEmail(tx, {
    userId: user.id,
    to: user.email,
    template: "low-stock",
    ...lowStockEmail({ title: p.title, count: e.inventoryCount, threshold: e.threshold }, user, locale, env().APP_URL),
    dedupeKey: `product:${p.id}:low_stock:${meta.eventId}`,
    footer: emailFooterFor(user.id, "listings", locale),
    locale,
  });
}
