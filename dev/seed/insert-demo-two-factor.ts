import { sealTotpSecret } from "@/lib/auth/seal-totp-secret";
import type { Prisma } from "@/lib/generated/prisma/client";

import { DEMO_ADMIN_TOTP_SECRET } from "./demo-logins";

/**
 * Admins must use two-factor sign-in, so the demo admin is enrolled with the published secret
 * (`npm start` prints it; `npm run demo:code` shows the current code). Sealed with the server's
 * TOTP_ENCRYPTION_KEY, which `npm start` generates; without one it is left for the admin to
 * set up at first sign-in.
 */
export async function insertDemoTwoFactor(
  opts: { adminId: string; key: string | undefined },
  tx: Prisma.TransactionClient,
): Promise<number> {
  if (!opts.key) return 0;
  await tx.twoFactor.create({
    data: {
      userId: opts.adminId,
      secretSealed: sealTotpSecret(DEMO_ADMIN_TOTP_SECRET, opts.adminId, opts.key),
      enabledAt: new Date(),
    },
  });
  return 1;
}
