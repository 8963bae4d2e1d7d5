import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

import { verifySecondFactor } from "./verify-second-factor";

/**
 * Turns two-factor off, which needs a current code (or a recovery code), so a session left
 * open on someone else's screen cannot. An admin is then asked to set it up again before the
 * admin console opens (the way to move to a new phone).
 */
export async function disableTotp(opts: { userId: string; code: string; ip: string }): Promise<void> {
  const result = await verifySecondFactor(opts);
  if (result === "not_enrolled") throw new AppError("conflict", "Two-factor sign-in is not on for this account.");
  if (result === "refused")
    throw new AppError("validation_failed", "That code is not right, or was already used.", {
      fields: { code: "That code is not right, or was already used." },
    });
  await db().$transaction([
    db().recoveryCode.deleteMany({ where: { userId: opts.userId } }),
    db().twoFactor.deleteMany({ where: { userId: opts.userId } }),
  ]);
}
