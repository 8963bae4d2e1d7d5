import type { Tx } from "@/lib/db/client";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { JOBS } from "@/lib/jobs/queues";

/**
 * Records an email in the notifications table and queues its delivery, both inside the
 * caller's transaction. A dedupe key makes a repeated call a no-op.
 */
export async function queueEmail(
  tx: Tx,
  msg: { userId?: string; to: string; template: string; subject: string; body: string; dedupeKey?: string },
): Promise<string | null> {
  if (msg.dedupeKey) {
    const existing = await tx.notification.findUnique({ where: { dedupeKey: msg.dedupeKey }, select: { id: true } });
    if (existing) return null;
  }
  const n = await tx.notification.create({
    data: {
      userId: msg.userId,
      channel: "email",
      template: msg.template,
      toAddress: msg.to,
      subject: msg.subject,
      body: msg.body,
      dedupeKey: msg.dedupeKey,
    },
    select: { id: true },
  });
  await enqueueJob({ name: JOBS.sendNotification, data: { notificationId: n.id }, tx });
  return n.id;
}
