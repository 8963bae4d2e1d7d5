import "server-only";

import type { Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { JOBS } from "@/lib/jobs/queues";

import type { NotificationLocale } from "./i18n/translate";
import { renderEmail, type EmailFooter } from "./render-email";
import { TRANSACTIONAL_FOOTERS } from "./transactional-footers";

/**
 * Records an email in the notifications table and queues its delivery, both inside the
 * caller's transaction. The body is the text part; the HTML part is rendered from it in the
 * shared layout (render-email.ts) and stored beside it, with the footer's unsubscribe link
 * when the email can be turned off. A dedupe key makes a repeated call a no-op.
 */
export async function queueEmail(
  tx: Tx,
  msg: {
    userId?: string;
    to: string;
    template: string;
    subject: string;
    body: string;
    dedupeKey?: string;
    /** Why the person gets it and how to stop it (lib/notifications/email-footer.ts); account emails by default. */
    footer?: EmailFooter;
    /** The language the subject and body are written in (the layout's footer follows it); English by default. */
    locale?: NotificationLocale;
  },
): Promise<string | null> {
  if (msg.dedupeKey) {
    const existing = await tx.notification.findUnique({ where: { dedupeKey: msg.dedupeKey }, select: { id: true } });
    if (existing) return null;
  }
  const footer: EmailFooter = msg.footer ?? TRANSACTIONAL_FOOTERS.account;
  const rendered = await renderEmail({
    subject: msg.subject,
    body: msg.body,
    footer,
    appUrl: env().APP_URL,
    locale: msg.locale,
  });
  const n = await tx.notification.create({
    data: {
      userId: msg.userId,
      channel: "email",
      template: msg.template,
      toAddress: msg.to,
      subject: msg.subject,
      body: rendered.text,
      html: rendered.html,
      unsubscribeUrl: footer.unsubscribeUrl ?? null,
      dedupeKey: msg.dedupeKey,
    },
    select: { id: true },
  });
  await enqueueJob({ name: JOBS.sendNotification, data: { notificationId: n.id }, tx });
  return n.id;
}
