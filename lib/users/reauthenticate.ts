import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { getRateLimitStore } from "@/lib/rate-limit/get-rate-limit-store";
import { enforceRateLimit } from "@/lib/rate-limit/rate-limit";
import { RATE_LIMITS } from "@/lib/rate-limit/rules";

import { PASSWORD_MAX_BYTES } from "./password-problem";
import { verifyPassword } from "./verify-password";

const WRONG = "Your current password is not right.";

/**
 * Asks the signed-in person for their password again before a sensitive change (email,
 * password, deletion), so a session left open on someone else's screen is not enough. Counted
 * per account: a stolen session can't be used to guess the password.
 */
export async function reauthenticate(
  userId: string,
  password: unknown,
): Promise<{ id: string; email: string; name: string | null }> {
  await enforceRateLimit(getRateLimitStore(), RATE_LIMITS.reauthPerUser, [userId]);
  if (typeof password !== "string" || password.length === 0 || Buffer.byteLength(password) > PASSWORD_MAX_BYTES)
    throw new AppError("validation_failed", WRONG, { fields: { currentPassword: WRONG } });
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, passwordHash: true, status: true },
  });
  if (!user || user.status !== "active") throw new AppError("unauthenticated", "Sign in to continue.");
  if (!user.passwordHash) {
    const none = "Your account has no password yet: set one with “Forgot password?” first.";
    throw new AppError("conflict", none, { fields: { currentPassword: none } });
  }
  if (!(await verifyPassword(password, user.passwordHash)))
    throw new AppError("validation_failed", WRONG, { fields: { currentPassword: WRONG } });
  return { id: user.id, email: user.email, name: user.name };
}
