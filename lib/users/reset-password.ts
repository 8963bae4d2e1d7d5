import "server-only";

import { z } from "zod";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { emitDomainEvent } from "@/lib/outbox/emit-domain-event";
import { getRateLimitStore } from "@/lib/rate-limit/get-rate-limit-store";
import { enforceRateLimit } from "@/lib/rate-limit/rate-limit";
import { RATE_LIMITS } from "@/lib/rate-limit/rules";

import { consumeAccountToken, INVALID_LINK } from "./consume-account-token";
import type { EndSessions } from "./end-sessions";
import { hashAccountToken } from "./hash-account-token";
import { hashPassword } from "./hash-password";
import { passwordProblem } from "./password-problem";

export const ZPasswordReset = z
  .object({
    token: z.string().trim().min(20, INVALID_LINK.password_reset).max(200, INVALID_LINK.password_reset),
    password: z.string().max(1000, "Password is too long."),
  })
  .meta({ id: "PasswordReset", title: "Password reset" });

/**
 * Sets a new password from an emailed reset link. The link is used up in the same transaction
 * as the new hash, so it works once; a weak password is refused before it is used, so the
 * person can try another. Following the link proves the address, so it counts as verified.
 * Every session of the account ends in the same transaction (`endSessions`): whoever learned
 * the old password, or holds a copied cookie, is signed out.
 */
export async function resetPassword(
  raw: z.input<typeof ZPasswordReset>,
  opts: { ip: string; appUrl: string; endSessions: EndSessions },
): Promise<{ userId: string; email: string }> {
  await enforceRateLimit(getRateLimitStore(), RATE_LIMITS.accountLinkPerIp, [opts.ip]);
  const { token, password } = parseInput(ZPasswordReset, raw);
  const pending = await db().accountToken.findUnique({
    where: { tokenHash: hashAccountToken(token) },
    select: { purpose: true, usedAt: true, expiresAt: true, user: { select: { email: true } } },
  });
  if (!pending || pending.purpose !== "password_reset" || pending.usedAt || pending.expiresAt <= new Date())
    throw new AppError("bad_request", INVALID_LINK.password_reset, { fields: { token: "invalid" } });
  const problem = passwordProblem(password, pending.user.email);
  if (problem) throw new AppError("validation_failed", problem, { fields: { password: problem } });
  const passwordHash = await hashPassword(password);

  return db().$transaction(async (tx) => {
    const { userId, email } = await consumeAccountToken(tx, { token, purpose: "password_reset" });
    const user = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { email: true, name: true, status: true, emailVerified: true },
    });
    // The account's address changed since the link was sent: the link no longer proves anything.
    if (user.email !== email || user.status !== "active")
      throw new AppError("bad_request", INVALID_LINK.password_reset, { fields: { token: "invalid" } });
    await tx.user.update({
      where: { id: userId },
      data: { passwordHash, ...(user.emailVerified ? {} : { emailVerified: new Date() }) },
    });
    await opts.endSessions(tx, userId);
    // The security email is written by the worker from this event (lib/notifications/security-emails.ts).
    await emitDomainEvent(tx, "account.password_changed", { userId, via: "reset" });
    return { userId, email: user.email };
  });
}
