import "server-only";

import { z } from "zod";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { Prisma } from "@/lib/generated/prisma/client";
import { emitDomainEvent } from "@/lib/outbox/emit-domain-event";
import { getRateLimitStore } from "@/lib/rate-limit/get-rate-limit-store";
import { enforceRateLimit } from "@/lib/rate-limit/rate-limit";
import { RATE_LIMITS } from "@/lib/rate-limit/rules";

import { consumeAccountToken, INVALID_LINK } from "./consume-account-token";
import type { EndSessions } from "./end-sessions";
import { hashAccountToken } from "./hash-account-token";

export const ZEmailVerification = z
  .object({
    token: z.string().trim().min(20, INVALID_LINK.email_verification).max(200, INVALID_LINK.email_verification),
  })
  .meta({ id: "EmailVerification", title: "Email verification" });

/**
 * Uses an emailed confirmation link: the account's address becomes verified, or, for an email
 * change, the new address replaces the old one (verified, since the link reached it) and the old
 * address is told. Single use; a link for an address the account no longer has is refused.
 * An email change also ends the account's sessions in the same transaction (`endSessions`; the
 * caller keeps the one confirming, when it is the account's own).
 */
export async function verifyEmail(
  raw: z.input<typeof ZEmailVerification>,
  opts: { ip: string; appUrl: string; endSessions: EndSessions },
): Promise<{ userId: string; email: string; changed: boolean }> {
  await enforceRateLimit(getRateLimitStore(), RATE_LIMITS.accountLinkPerIp, [opts.ip]);
  const { token } = parseInput(ZEmailVerification, raw);
  const found = await db().accountToken.findUnique({
    where: { tokenHash: hashAccountToken(token) },
    select: { purpose: true },
  });
  if (!found || found.purpose === "password_reset")
    throw new AppError("bad_request", INVALID_LINK.email_verification, { fields: { token: "invalid" } });
  const purpose = found.purpose;
  try {
    return await db().$transaction(async (tx) => {
      const { userId, email } = await consumeAccountToken(tx, { token, purpose });
      const user = await tx.user.findUniqueOrThrow({
        where: { id: userId },
        select: { email: true, name: true, status: true },
      });
      if (user.status === "deleted") throw new AppError("bad_request", INVALID_LINK[purpose]);
      if (purpose === "email_verification") {
        if (user.email !== email)
          throw new AppError("bad_request", INVALID_LINK[purpose], { fields: { token: "invalid" } });
        await tx.user.update({ where: { id: userId }, data: { emailVerified: new Date() } });
        return { userId, email, changed: false };
      }
      await tx.user.update({ where: { id: userId }, data: { email, emailVerified: new Date() } });
      // A verification link sent to the old address proves nothing about the new one.
      await tx.accountToken.deleteMany({ where: { userId, usedAt: null } });
      await opts.endSessions(tx, userId);
      // The old address is told by the worker (lib/notifications/security-emails.ts).
      await emitDomainEvent(tx, "account.email_changed", { userId, oldEmail: user.email, newEmail: email });
      return { userId, email, changed: true };
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002")
      throw new AppError("conflict", "Another account uses that address now. Change your email to another one.");
    throw err;
  }
}
