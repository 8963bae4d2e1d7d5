import "server-only";

import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

const WHY = {
  sell: "Confirm your email address before opening a shop.",
  checkout: "Confirm your email address to place an order of this size.",
} as const;

/**
 * Refuses (403 email_unverified) a person whose address is not confirmed yet, with what to do:
 * the link we emailed, or a new one from account settings (POST /api/v1/me/email-verification).
 */
export async function requireVerifiedEmail(
  client: Pick<Tx, "user">,
  userId: string,
  action: keyof typeof WHY,
): Promise<void> {
  const user = await client.user.findUnique({ where: { id: userId }, select: { email: true, emailVerified: true } });
  if (!user) throw new AppError("not_found", "Account not found.");
  if (user.emailVerified) return;
  throw new AppError(
    "email_unverified",
    `${WHY[action]} Use the link we emailed to ${user.email}, or send a new one from your account settings (/account/settings).`,
    { fields: { email: "unverified" } },
  );
}
