import "server-only";

import nodemailer from "nodemailer";

import { env } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";

import { classifySmtpError, DELIVERY_RETRY, nextAttemptDelayMs, type DeliveryRetry } from "./delivery-policy";
import { recordDeliveryFailure } from "./record-delivery-failure";
import { unsubscribeHeaders } from "./unsubscribe-headers";

let transport: nodemailer.Transporter | null | undefined;
function smtp(): nodemailer.Transporter | null {
  if (transport === undefined) {
    const { SMTP_URL } = env();
    transport = SMTP_URL ? nodemailer.createTransport(SMTP_URL) : null;
  }
  return transport;
}

// Long enough for one SMTP conversation; a worker that dies mid-send frees the row after it.
const CLAIM_MS = 2 * 60_000;

export type SendOutcome = "sent" | "skipped" | "suppressed" | "retrying" | "bounced" | "failed";

/**
 * Delivers one queued notification. With SMTP_URL it is emailed; without, the stored row
 * is the dev mailbox (shown at /admin/mailbox). Safe to run twice: the run that claims the row
 * sends it, any other is skipped. An address suppressed by an earlier bounce is not attempted.
 * A transient SMTP error (4xx, no connection) schedules another attempt with backoff until
 * the last one, then the notification is failed (the dead letter at /admin/notifications); a
 * recipient rejected for good (5xx) bounces and its address is suppressed.
 * `transporter` and `retry` are the tests' (a real SMTP server on a free port, short delays).
 */
export async function sendNotification(
  prisma: PrismaClient,
  notificationId: string,
  opts: { transporter?: nodemailer.Transporter | null; retry?: DeliveryRetry } = {},
): Promise<SendOutcome> {
  const n = await prisma.notification.findUnique({ where: { id: notificationId } });
  if (!n || n.status !== "queued") return "skipped";
  const now = new Date();
  // An early duplicate of a scheduled retry waits for its own job.
  if (n.nextAttemptAt && n.nextAttemptAt > now) return "skipped";

  if (n.channel === "email") {
    const suppression = await prisma.emailSuppression.findUnique({ where: { address: n.toAddress.toLowerCase() } });
    if (suppression) {
      const reason = `Not attempted: ${suppression.address} is suppressed since ${suppression.createdAt.toISOString()} (${suppression.reason}).`;
      const updated = await prisma.notification.updateMany({
        where: { id: n.id, status: "queued" },
        data: { status: "suppressed", error: reason, nextAttemptAt: null },
      });
      return updated.count === 1 ? "suppressed" : "skipped";
    }
  }

  // The claim: of two runs at once (a retried job, a second worker) only one sends.
  const claimed = await prisma.notification.updateMany({
    where: { id: n.id, status: "queued", OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
    data: { claimedUntil: new Date(now.getTime() + CLAIM_MS), attempts: { increment: 1 }, lastAttemptAt: now },
  });
  if (claimed.count === 0) return "skipped";
  const attempt = n.attempts + 1;

  const transporter = opts.transporter === undefined ? smtp() : opts.transporter;
  if (transporter && n.channel === "email") {
    try {
      await transporter.sendMail({
        from: env().MAIL_FROM,
        to: n.toAddress,
        subject: n.subject,
        text: n.body,
        html: n.html ?? undefined,
        headers: unsubscribeHeaders(n.unsubscribeUrl),
        // One Message-ID per notification, so a receiver can tell a resend after a lost reply.
        messageId: `<${n.id}@${new URL(env().APP_URL).hostname}>`,
      });
    } catch (err) {
      const retry = opts.retry ?? DELIVERY_RETRY;
      const failure = classifySmtpError(err);
      const retryAt =
        failure.kind === "transient" && attempt < retry.maxAttempts
          ? new Date(Date.now() + nextAttemptDelayMs(attempt, retry))
          : null;
      return recordDeliveryFailure(prisma, { notificationId: n.id, to: n.toAddress, failure, retryAt });
    }
  }
  const updated = await prisma.notification.updateMany({
    where: { id: n.id, status: "queued" },
    data: { status: "sent", sentAt: new Date(), claimedUntil: null, nextAttemptAt: null },
  });
  return updated.count === 1 ? "sent" : "skipped";
}
