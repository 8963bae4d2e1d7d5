import "server-only";

import nodemailer from "nodemailer";

import { env } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";

import { unsubscribeHeaders } from "./unsubscribe-headers";

let transport: nodemailer.Transporter | null | undefined;
function smtp(): nodemailer.Transporter | null {
  if (transport === undefined) {
    const { SMTP_URL } = env();
    transport = SMTP_URL ? nodemailer.createTransport(SMTP_URL) : null;
  }
  return transport;
}

/**
 * Delivers one queued notification. With SMTP_URL it is emailed; without, the stored row
 * is the dev mailbox (shown at /admin/mailbox). Safe to run twice: a sent one is skipped.
 */
export async function sendNotification(prisma: PrismaClient, notificationId: string): Promise<"sent" | "skipped"> {
  const n = await prisma.notification.findUnique({ where: { id: notificationId } });
  if (!n || n.status === "sent") return "skipped";
  const transporter = smtp();
  if (transporter && n.channel === "email") {
    await transporter.sendMail({
      from: env().MAIL_FROM,
      to: n.toAddress,
      subject: n.subject,
      text: n.body,
      html: n.html ?? undefined,
      headers: unsubscribeHeaders(n.unsubscribeUrl),
    });
  }
  // Conditional on still pending, so two concurrent runs record one delivery.
  const updated = await prisma.notification.updateMany({
    where: { id: n.id, status: { not: "sent" } },
    data: { status: "sent", sentAt: new Date(), error: null },
  });
  return updated.count === 1 ? "sent" : "skipped";
}
