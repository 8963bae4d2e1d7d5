import "server-only";

import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { queueEmail } from "@/lib/mail/queue-email";
import { recordOutboxEvent } from "@/lib/outbox/record-outbox-event";

import type { EndSessions } from "./end-sessions";

export type AccountSuspensionResult = { status: "active" | "suspended"; sellerId: string | null; changed: boolean };

/**
 * An admin suspends an account (with a reason the person is told) or reinstates it. A
 * suspended person is signed out at once (every request reads their status) and cannot sign
 * in. Their sessions end in the same transaction (`endSessions`), so reinstating the account
 * later does not bring an old cookie back to life. A suspended seller's shop and listings leave
 * the storefront and, through a seller outbox event, the search index. The decision is kept as
 * a moderation case (who, when, why).
 * Admins are not suspended here.
 */
export async function setAccountSuspension(opts: {
  userId: string;
  adminId: string;
  suspend: boolean;
  reason?: string;
  endSessions: EndSessions;
}): Promise<AccountSuspensionResult> {
  const reason = opts.reason?.trim() ?? "";
  if (opts.suspend && reason.length < 5)
    throw new AppError("validation_failed", "Give a reason (at least 5 characters); the person is told it.", {
      fields: { reason: "required" },
    });
  if (reason.length > 1000)
    throw new AppError("validation_failed", "The reason must be at most 1000 characters.", {
      fields: { reason: "too_long" },
    });
  if (opts.userId === opts.adminId) throw new AppError("forbidden", "You can't suspend your own account.");
  const status = opts.suspend ? "suspended" : "active";
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: opts.userId },
      select: {
        id: true,
        email: true,
        name: true,
        role: true,
        status: true,
        sellerProfile: { select: { id: true, shopName: true, status: true } },
      },
    });
    if (!user) throw new AppError("not_found", "Account not found.");
    if (user.role === "admin") throw new AppError("forbidden", "Admin accounts can't be suspended here.");
    if (user.status === "deleted") throw new AppError("conflict", "This account was deleted at its owner's request.");
    const sellerId = user.sellerProfile?.id ?? null;
    if (user.status === status && (!user.sellerProfile || user.sellerProfile.status === status))
      return { status, sellerId, changed: false };

    await tx.user.update({ where: { id: user.id }, data: { status } });
    if (opts.suspend) await opts.endSessions(tx, user.id);
    if (sellerId) {
      await tx.sellerProfile.update({ where: { id: sellerId }, data: { status } });
      // The indexer re-reads every product of the seller: hidden while suspended, back after.
      await recordOutboxEvent(tx, {
        aggregateType: "seller",
        aggregateId: sellerId,
        eventType: `seller.${opts.suspend ? "suspended" : "reinstated"}`,
      });
    }
    await tx.moderationCase.create({
      data: {
        subjectType: sellerId ? "seller" : "user",
        subjectId: sellerId ?? user.id,
        status: opts.suspend ? "suspended" : "approved",
        reasons: [{ code: "admin_action", message: reason || "Reinstated" }],
        resolution: reason || "Reinstated",
        resolvedById: opts.adminId,
        resolvedAt: new Date(),
      },
    });
    await recordAuditEvent(tx, {
      actor: { role: "admin", id: opts.adminId },
      action: opts.suspend ? "account.suspended" : "account.reinstated",
      target: { type: "user", id: user.id },
      details: { reason: reason || null, sellerId },
    });
    const hello = user.name ? `Hi ${user.name},` : "Hi,";
    const appUrl = env().APP_URL;
    await queueEmail(tx, {
      userId: user.id,
      to: user.email,
      template: opts.suspend ? "account-suspended" : "account-reinstated",
      subject: opts.suspend ? "Your marketplace account is suspended" : "Your marketplace account is active again",
      body: opts.suspend
        ? `${hello}\n\nWe suspended your account${user.sellerProfile ? ` and your shop "${user.sellerProfile.shopName}"` : ""}: ${reason}\n\nWhile it is suspended you can't sign in${user.sellerProfile ? " and your listings are hidden" : ""}. Orders already paid stay protected. To appeal, reply to this email.\n`
        : `${hello}\n\nYour account${user.sellerProfile ? ` and your shop "${user.sellerProfile.shopName}"` : ""} are active again. You can sign in at ${appUrl}/sign-in.\n`,
    });
    return { status, sellerId, changed: true };
  });
}
