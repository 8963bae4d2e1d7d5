import "server-only";

import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";

/**
 * An admin lifts the suppression of an address (the mailbox was fixed, the bounce was a
 * mistake): emails to it are attempted again from now on, and an undelivered one can be resent.
 * Returns false when it was not suppressed (nothing changes, nothing is recorded).
 */
export async function liftEmailSuppression(opts: { address: string; adminId: string }): Promise<boolean> {
  const address = opts.address.trim().toLowerCase();
  return db().$transaction(async (tx) => {
    const row = await tx.emailSuppression.findUnique({ where: { address } });
    const gone = await tx.emailSuppression.deleteMany({ where: { address } });
    if (!row || gone.count === 0) return false;
    await recordAuditEvent(tx, {
      actor: { role: "admin", id: opts.adminId },
      action: "email_suppression.lifted",
      target: { type: "email_suppression", id: address.slice(0, 100) },
      details: { address, reason: row.reason, since: row.createdAt.toISOString(), notification: row.notificationId },
    });
    return true;
  });
}
