import "server-only";

import { z } from "zod";

import { db } from "@/lib/db/client";
import { parseInput } from "@/lib/errors/parse-input";
import { logger } from "@/lib/log/logger";
import { queueEmail } from "@/lib/mail/queue-email";
import { getRateLimitStore } from "@/lib/rate-limit/get-rate-limit-store";
import { enforceRateLimit } from "@/lib/rate-limit/rate-limit";
import { RATE_LIMITS } from "@/lib/rate-limit/rules";

import { ACCOUNT_TOKEN_MINUTES, issueAccountToken } from "./issue-account-token";
import { ZEmail } from "./normalize-email";
import { passwordResetEmail } from "./password-reset-email";

export const ZPasswordResetRequest = z
  .object({ email: ZEmail })
  .meta({ id: "PasswordResetRequest", title: "Password reset request" });

/** What every caller is told, whether or not the address has an account. */
export const PASSWORD_RESET_SENT =
  "If an account uses that address, we've emailed it a link to set a new password. It works for 30 minutes.";

/**
 * Emails a one-time password reset link to the account with this address, if there is one.
 * The answer (PASSWORD_RESET_SENT) is the same either way, and so is its timing: after the
 * rate limits (per IP and per address, counted for unknown addresses too) the lookup and the
 * email happen in `defer`, which a route runs after the response is sent (Next's `after`).
 */
export async function requestPasswordReset(
  raw: z.input<typeof ZPasswordResetRequest>,
  opts: { ip: string; appUrl: string; defer?: (work: () => Promise<void>) => void | Promise<void> },
): Promise<{ message: string }> {
  const store = getRateLimitStore();
  await enforceRateLimit(store, RATE_LIMITS.passwordResetPerIp, [opts.ip]);
  const { email } = parseInput(ZPasswordResetRequest, raw);
  await enforceRateLimit(store, RATE_LIMITS.passwordResetPerEmail, [email]);

  const work = async () => {
    try {
      await db().$transaction(async (tx) => {
        const user = await tx.user.findUnique({ where: { email }, select: { id: true, name: true, status: true } });
        if (!user || user.status !== "active") return;
        const { token } = await issueAccountToken(tx, { userId: user.id, purpose: "password_reset", email });
        const link = `${opts.appUrl}/reset-password?token=${encodeURIComponent(token)}`;
        await queueEmail(tx, {
          userId: user.id,
          to: email,
          template: "password-reset",
          ...passwordResetEmail(user.name, link, ACCOUNT_TOKEN_MINUTES.password_reset),
        });
      });
    } catch (err) {
      // Deferred work has no caller to tell: the person may ask again.
      logger.error({ err }, "password reset email failed");
      if (!opts.defer) throw err;
    }
  };
  if (opts.defer) await opts.defer(work);
  else await work();
  return { message: PASSWORD_RESET_SENT };
}
