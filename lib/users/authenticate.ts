import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { getRateLimitStore } from "@/lib/rate-limit/get-rate-limit-store";
import { enforceRateLimit } from "@/lib/rate-limit/rate-limit";
import { RATE_LIMITS } from "@/lib/rate-limit/rules";

import { dummyPasswordHash } from "./dummy-password-hash";
import { ZEmail } from "./normalize-email";
import { PASSWORD_MAX_BYTES } from "./password-problem";
import { verifyPassword } from "./verify-password";

export type AuthenticatedUser = { id: string; email: string; name: string | null; role: "buyer" | "seller" | "admin" };

/**
 * Checks an email and password. Returns null for any wrong combination, with the same
 * answer and about the same time whether or not the email exists (no enumeration).
 * Throws a 429 AppError when the IP or the email is over its rate limit.
 */
export async function authenticate(opts: {
  email: unknown;
  password: unknown;
  ip: string;
}): Promise<AuthenticatedUser | null> {
  const parsedEmail = ZEmail.safeParse(opts.email);
  const password = typeof opts.password === "string" ? opts.password : "";
  const store = getRateLimitStore();
  await enforceRateLimit(store, RATE_LIMITS.signInPerIp, [opts.ip]);
  if (!parsedEmail.success || password.length === 0 || Buffer.byteLength(password) > PASSWORD_MAX_BYTES) return null;
  const email = parsedEmail.data;
  await enforceRateLimit(store, RATE_LIMITS.signInPerEmail, [email]);

  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, status: true, passwordHash: true },
  });
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !user.passwordHash || !ok) return null;
  if (user.status !== "active") throw new AppError("forbidden", "This account is suspended. Contact support.");
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
