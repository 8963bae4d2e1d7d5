import "server-only";

import type { PrismaClient } from "@/lib/generated/prisma/client";

import { smsProvider, type SmsProvider } from "./sms-provider";

/**
 * Delivers one queued text message (an `sms` row; to_address is the E.164 number) through the
 * provider. A permanent refusal marks the row failed; a transient one throws, so the job retries.
 * A sent row is skipped, so a retry sends nothing twice.
 */
export async function sendSmsNotification(
  prisma: PrismaClient,
  notificationId: string,
  provider: SmsProvider = smsProvider(),
): Promise<"sent" | "skipped" | "failed"> {
  const n = await prisma.notification.findUnique({ where: { id: notificationId } });
  if (!n || n.channel !== "sms" || n.status !== "queued") return "skipped";
  let result;
  try {
    result = await provider.send({ to: n.toAddress, body: n.body });
  } catch (err) {
    await prisma.notification.update({ where: { id: n.id }, data: { error: String(err).slice(0, 500) } });
    throw err;
  }
  if (!result.ok) {
    await prisma.notification.updateMany({
      where: { id: n.id, status: "queued" },
      data: { status: "failed", error: result.error.slice(0, 500) },
    });
    return "failed";
  }
  const updated = await prisma.notification.updateMany({
    where: { id: n.id, status: "queued" },
    data: { status: "sent", sentAt: new Date(), error: null },
  });
  return updated.count === 1 ? "sent" : "skipped";
}
