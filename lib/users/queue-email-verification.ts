import "server-only";

import type { Tx } from "@/lib/db/client";
import { queueEmail } from "@/lib/mail/queue-email";

import { emailVerificationEmail } from "./email-verification-email";
import { ACCOUNT_TOKEN_MINUTES, issueAccountToken } from "./issue-account-token";

/**
 * Emails a one-time link confirming `email`, inside the caller's transaction: the account's own
 * address (purpose email_verification), or the new address of an email change (email_change),
 * which becomes the account's when the link is used.
 */
export async function queueEmailVerification(
  tx: Tx,
  opts: {
    userId: string;
    name: string | null;
    email: string;
    purpose: "email_verification" | "email_change";
    appUrl: string;
  },
): Promise<void> {
  const { token } = await issueAccountToken(tx, { userId: opts.userId, purpose: opts.purpose, email: opts.email });
  const link = `${opts.appUrl}/verify-email?token=${encodeURIComponent(token)}`;
  await queueEmail(tx, {
    userId: opts.userId,
    to: opts.email,
    template: opts.purpose === "email_change" ? "email-change-confirm" : "email-verification",
    ...emailVerificationEmail({
      name: opts.name,
      link,
      change: opts.purpose === "email_change",
      hours: ACCOUNT_TOKEN_MINUTES[opts.purpose] / 60,
    }),
  });
}
