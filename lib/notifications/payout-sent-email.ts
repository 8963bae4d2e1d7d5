// The seller's email when the daily payout run sends their balance to the bank (payout.sent).
// Written by the worker from the outbox, never inside the payout's own transaction.
import "server-only";

import type { Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { date, hello, money, t, type NotificationLocale } from "@/lib/mail/i18n/translate";
import { queueEmail } from "@/lib/mail/queue-email";
import type { DomainEvents } from "@/lib/outbox/events";

import { emailFooterFor } from "./email-footer";
import { localeOf, RECIPIENT_SELECT } from "./recipient";

export function payoutSentEmail(
  p: { amountCents: number; currency: string; createdAt: Date; arrivalDate: Date | null },
  to: { name: string | null },
  locale: NotificationLocale,
  appUrl: string,
): { subject: string; body: string } {
  const amount = money(locale, p.amountCents, p.currency);
  return {
    subject: t(locale, "payout.email.subject", { amount }),
    body: t(locale, "payout.email.body", {
      hello: hello(locale, to.name),
      amount,
      sentOn: date(locale, p.createdAt),
      arrival: date(locale, p.arrivalDate ?? p.createdAt),
      link: `${appUrl}/seller/payments`,
    }),
  };
}

export async function queuePayoutSentEmail(tx: Tx, e: DomainEvents["payout.sent"]): Promise<void> {
  const p = await tx.payout.findFirst({
    where: { id: e.payoutId, sellerId: e.sellerId },
    select: {
      id: true,
      amountCents: true,
      currency: true,
      createdAt: true,
      arrivalDate: true,
      seller: { select: { user: { select: RECIPIENT_SELECT } } },
    },
  });
  if (!p || p.seller.user.deletedAt) return;
  const user = p.seller.user;
  const locale = localeOf(user);
  await queueEmail(tx, {
    userId: user.id,
    to: user.email,
    template: "payout-sent",
    ...payoutSentEmail(p, user, locale, env().APP_URL),
    dedupeKey: `payout:${p.id}:sent`,
    footer: emailFooterFor(user.id, "payouts", locale),
    locale,
  });
}
