import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

import { generateRecoveryCodes } from "./generate-recovery-codes";
import { hashRecoveryCode } from "./hash-recovery-code";
import { openTotpSecret } from "./open-totp-secret";
import { verifyTotpCode } from "./verify-totp-code";

/**
 * Turns two-factor on once the person proves their app has the secret (a current code), and
 * returns ten recovery codes: shown this once, stored only hashed.
 */
export async function confirmTotpEnrolment(opts: {
  userId: string;
  code: string;
}): Promise<{ recoveryCodes: string[] }> {
  const pending = await db().twoFactor.findUnique({
    where: { userId: opts.userId },
    select: { secretSealed: true, enabledAt: true },
  });
  if (!pending) throw new AppError("conflict", "Start setting up two-factor sign-in first.");
  if (pending.enabledAt) throw new AppError("conflict", "Two-factor sign-in is already on for this account.");
  const step = await verifyTotpCode({ secret: openTotpSecret(pending.secretSealed, opts.userId), code: opts.code });
  if (step === null)
    throw new AppError("validation_failed", "That code is not right. Enter the 6 digits your app shows now.", {
      fields: { code: "That code is not right." },
    });

  const recoveryCodes = generateRecoveryCodes();
  await db().$transaction(async (tx) => {
    // Guarded on the sealed value: a second tab that restarted enrolment meanwhile wins, not this one.
    const { count } = await tx.twoFactor.updateMany({
      where: { userId: opts.userId, enabledAt: null, secretSealed: pending.secretSealed },
      data: { enabledAt: new Date(), lastUsedStep: step },
    });
    if (count !== 1) throw new AppError("conflict", "Setup changed in another window. Start again.");
    await tx.recoveryCode.deleteMany({ where: { userId: opts.userId } });
    await tx.recoveryCode.createMany({
      data: recoveryCodes.map((c) => ({ userId: opts.userId, codeHash: hashRecoveryCode(c) })),
    });
  });
  return { recoveryCodes };
}
