import "server-only";

import { db } from "@/lib/db/client";

export type TwoFactorStatus = { enabledAt: Date | null; recoveryCodesLeft: number };

/** Whether the person has two-factor on (since when) and how many recovery codes they have left. */
export async function getTwoFactorStatus(opts: { userId: string }): Promise<TwoFactorStatus> {
  const [factor, recoveryCodesLeft] = await Promise.all([
    db().twoFactor.findUnique({ where: { userId: opts.userId }, select: { enabledAt: true } }),
    db().recoveryCode.count({ where: { userId: opts.userId, usedAt: null } }),
  ]);
  return { enabledAt: factor?.enabledAt ?? null, recoveryCodesLeft: factor?.enabledAt ? recoveryCodesLeft : 0 };
}
