import "server-only";

import { db } from "@/lib/db/client";
import { getRateLimitStore } from "@/lib/rate-limit/get-rate-limit-store";
import { enforceRateLimit } from "@/lib/rate-limit/rate-limit";

import { hashRecoveryCode } from "./hash-recovery-code";
import { openTotpSecret } from "./open-totp-secret";
import { TWO_FACTOR_RATE_LIMITS } from "./two-factor-rate-limits";
import { verifyTotpCode } from "./verify-totp-code";

export type SecondFactorResult = "not_enrolled" | "missing" | "accepted" | "refused";

/**
 * Checks the second step of a sign-in (or a change that needs one): a current code from the
 * authenticator app, good once, or an unused recovery code, which is then spent. "missing" when
 * two-factor is on and no code came (the sign-in's first step). A code is counted per account
 * and per IP before it is checked; throws a 429 AppError past either limit.
 */
export async function verifySecondFactor(opts: {
  userId: string;
  code: string;
  ip: string;
}): Promise<SecondFactorResult> {
  const factor = await db().twoFactor.findUnique({
    where: { userId: opts.userId },
    select: { secretSealed: true, enabledAt: true, lastUsedStep: true },
  });
  if (!factor?.enabledAt) return "not_enrolled";
  const code = opts.code.trim();
  if (!code) return "missing";
  const store = getRateLimitStore();
  await enforceRateLimit(store, TWO_FACTOR_RATE_LIMITS.perUser, [opts.userId]);
  await enforceRateLimit(store, TWO_FACTOR_RATE_LIMITS.perIp, [opts.ip]);

  if (/^\d{3}\s?\d{3}$/.test(code)) {
    const step = await verifyTotpCode({
      secret: openTotpSecret(factor.secretSealed, opts.userId),
      code,
      afterStep: factor.lastUsedStep,
    });
    if (step === null) return "refused";
    // Two sign-ins racing with one code: only the first moves the step on.
    const { count } = await db().twoFactor.updateMany({
      where: { userId: opts.userId, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }] },
      data: { lastUsedStep: step },
    });
    return count === 1 ? "accepted" : "refused";
  }
  if (code.length > 32) return "refused";
  const { count } = await db().recoveryCode.updateMany({
    where: { userId: opts.userId, codeHash: hashRecoveryCode(code), usedAt: null },
    data: { usedAt: new Date() },
  });
  return count === 1 ? "accepted" : "refused";
}
