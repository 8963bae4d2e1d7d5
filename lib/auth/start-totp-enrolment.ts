import "server-only";

import { generateSecret, generateURI } from "otplib";
import QRCode from "qrcode";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

import { sealTotpSecret } from "./seal-totp-secret";

export type TotpEnrolment = { secret: string; uri: string; qrCodeDataUrl: string };

/**
 * A new authenticator secret for the person to scan, kept (sealed) until they confirm it with
 * a code; starting again replaces one not yet confirmed. Refused while two-factor is on.
 */
export async function startTotpEnrolment(opts: { userId: string; email: string }): Promise<TotpEnrolment> {
  const secret = generateSecret();
  const sealed = sealTotpSecret(secret, opts.userId);
  const rows = await db().$queryRaw<{ user_id: string }[]>`
    INSERT INTO user_two_factor (user_id, secret_sealed) VALUES (${opts.userId}::uuid, ${sealed})
    ON CONFLICT (user_id) DO UPDATE SET secret_sealed = EXCLUDED.secret_sealed, last_used_step = NULL,
                                        created_at = now()
     WHERE user_two_factor.enabled_at IS NULL
    RETURNING user_id`;
  if (rows.length === 0) throw new AppError("conflict", "Two-factor sign-in is already on for this account.");
  const uri = generateURI({ issuer: "Marketplace", label: opts.email, secret });
  const qrCodeDataUrl = await QRCode.toDataURL(uri, { margin: 1, width: 208, errorCorrectionLevel: "M" });
  return { secret, uri, qrCodeDataUrl };
}
