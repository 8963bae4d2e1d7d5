import "server-only";

import { z } from "zod";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { emitDomainEvent } from "@/lib/outbox/emit-domain-event";

import type { EndSessions } from "./end-sessions";
import { hashPassword } from "./hash-password";
import { passwordProblem } from "./password-problem";
import { reauthenticate } from "./reauthenticate";

export const ZPasswordChange = z
  .object({
    currentPassword: z.string().max(1000),
    newPassword: z.string().max(1000, "Password is too long."),
  })
  .meta({ id: "PasswordChange", title: "Password change" });

/**
 * Changes the signed-in person's password after checking the current one; the worker emails
 * them about it (account.password_changed). The account's other sessions end in the same transaction (`endSessions`, which the
 * caller gives the session to keep: the one making the change).
 */
export async function changePassword(
  userId: string,
  raw: z.input<typeof ZPasswordChange>,
  opts: { appUrl: string; endSessions: EndSessions },
): Promise<void> {
  const { currentPassword, newPassword } = parseInput(ZPasswordChange, raw);
  const user = await reauthenticate(userId, currentPassword);
  const problem =
    newPassword === currentPassword
      ? "Choose a password different from your current one."
      : passwordProblem(newPassword, user.email);
  if (problem) throw new AppError("validation_failed", problem, { fields: { newPassword: problem } });
  const passwordHash = await hashPassword(newPassword);
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    // A reset link asked for earlier must not undo this.
    await tx.accountToken.deleteMany({ where: { userId, purpose: "password_reset", usedAt: null } });
    await opts.endSessions(tx, userId);
    await emitDomainEvent(tx, "account.password_changed", { userId, via: "change" });
  });
}
