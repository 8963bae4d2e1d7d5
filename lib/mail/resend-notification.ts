import "server-only";

import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { JOBS } from "@/lib/jobs/queues";

import { UNDELIVERED_STATUSES } from "./list-undelivered-notifications";

/**
 * An admin sends an undelivered email (failed, bounced or suppressed) again: it is queued with a
 * fresh set of attempts and its delivery job, in one transaction with the audit record. The
 * last error stays on it until a new one replaces it. An address still suppressed is refused:
 * the suppression is lifted first, on purpose.
 */
export async function resendNotification(opts: { notificationId: string; adminId: string }): Promise<void> {
  await db().$transaction(async (tx) => {
    const n = await tx.notification.findFirst({
      where: { id: opts.notificationId, channel: "email" },
      select: { id: true, toAddress: true, status: true, attempts: true, error: true },
    });
    if (!n) throw new AppError("not_found", "That email was not found.");
    if (!(UNDELIVERED_STATUSES as readonly string[]).includes(n.status))
      throw new AppError("conflict", `This email is ${n.status}, not undelivered: there is nothing to resend.`);
    const address = n.toAddress.toLowerCase();
    if (await tx.emailSuppression.findUnique({ where: { address }, select: { address: true } }))
      throw new AppError("conflict", `${address} is suppressed: lift the suppression first, then resend.`);
    // Conditional on the status read above, so two admins clicking at once queue it once.
    const { count } = await tx.notification.updateMany({
      where: { id: n.id, status: n.status },
      data: { status: "queued", attempts: 0, nextAttemptAt: null, claimedUntil: null },
    });
    if (count === 0) throw new AppError("conflict", "This email was just resent by someone else.");
    await enqueueJob({ name: JOBS.sendNotification, data: { notificationId: n.id }, tx });
    await recordAuditEvent(tx, {
      actor: { role: "admin", id: opts.adminId },
      action: "notification.resent",
      target: { type: "notification", id: n.id },
      details: { to: address, was: n.status, attempts: n.attempts, error: n.error },
    });
  });
}
