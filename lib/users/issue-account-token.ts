import "server-only";

import { randomBytes } from "node:crypto";

import type { Tx } from "@/lib/db/client";
import type { AccountTokenPurpose } from "@/lib/generated/prisma/enums";

import { hashAccountToken } from "./hash-account-token";

/** How long each kind of emailed link works. */
export const ACCOUNT_TOKEN_MINUTES: Record<AccountTokenPurpose, number> = {
  password_reset: 30,
  email_verification: 48 * 60,
  email_change: 24 * 60,
};

/**
 * Creates a one-time link token for a person, inside the caller's transaction, and returns it
 * (the only time it exists in clear: it goes into the email). Earlier unused tokens of the same
 * purpose stop working, so only the newest emailed link is valid.
 */
export async function issueAccountToken(
  tx: Tx,
  opts: { userId: string; purpose: AccountTokenPurpose; email: string; now?: Date },
): Promise<{ token: string; expiresAt: Date }> {
  const now = opts.now ?? new Date();
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + ACCOUNT_TOKEN_MINUTES[opts.purpose] * 60_000);
  await tx.accountToken.deleteMany({ where: { userId: opts.userId, purpose: opts.purpose, usedAt: null } });
  await tx.accountToken.create({
    data: {
      userId: opts.userId,
      purpose: opts.purpose,
      email: opts.email,
      tokenHash: hashAccountToken(token),
      expiresAt,
      createdAt: now,
    },
  });
  return { token, expiresAt };
}
