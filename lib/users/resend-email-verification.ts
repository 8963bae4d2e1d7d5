import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { getRateLimitStore } from "@/lib/rate-limit/get-rate-limit-store";
import { enforceRateLimit } from "@/lib/rate-limit/rate-limit";
import { RATE_LIMITS } from "@/lib/rate-limit/rules";

import { queueEmailVerification } from "./queue-email-verification";

/** Sends a new confirmation link to the signed-in person's address (the earlier one stops working). */
export async function resendEmailVerification(userId: string, opts: { appUrl: string }): Promise<{ email: string }> {
  await enforceRateLimit(getRateLimitStore(), RATE_LIMITS.verificationEmailPerUser, [userId]);
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { email: true, name: true, emailVerified: true },
    });
    if (!user) throw new AppError("not_found", "Account not found.");
    if (user.emailVerified) throw new AppError("conflict", `${user.email} is already confirmed.`);
    await queueEmailVerification(tx, {
      userId,
      name: user.name,
      email: user.email,
      purpose: "email_verification",
      appUrl: opts.appUrl,
    });
    return { email: user.email };
  });
}
