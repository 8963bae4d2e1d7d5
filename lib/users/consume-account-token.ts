import "server-only";

import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { AccountTokenPurpose } from "@/lib/generated/prisma/enums";

import { hashAccountToken } from "./hash-account-token";

export const INVALID_LINK: Record<AccountTokenPurpose, string> = {
  password_reset: "This password reset link is invalid, expired or already used. Ask for a new one.",
  email_verification: "This verification link is invalid, expired or already used. Send a new one from your account.",
  email_change: "This confirmation link is invalid, expired or already used. Change your email again to get a new one.",
};

/**
 * Uses up a one-time link token inside the caller's transaction: one conditional UPDATE, so of
 * two concurrent uses only one succeeds. Throws a 400 for an unknown, expired or used token
 * (one message for all three: the answer tells an attacker nothing).
 */
export async function consumeAccountToken(
  tx: Tx,
  opts: { token: string; purpose: AccountTokenPurpose; now?: Date },
): Promise<{ userId: string; email: string }> {
  const now = opts.now ?? new Date();
  const tokenHash = hashAccountToken(opts.token);
  const used = await tx.accountToken.updateMany({
    where: { tokenHash, purpose: opts.purpose, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (used.count !== 1) throw new AppError("bad_request", INVALID_LINK[opts.purpose], { fields: { token: "invalid" } });
  const row = await tx.accountToken.findUniqueOrThrow({ where: { tokenHash }, select: { userId: true, email: true } });
  return row;
}
