import "server-only";

import { createCipheriv, randomBytes } from "node:crypto";

import { env } from "@/lib/env";

/**
 * An authenticator secret as stored: AES-256-GCM under TOTP_ENCRYPTION_KEY, bound to its user
 * (the user id is the additional data, so a sealed secret copied onto another row won't open).
 * node:crypto does this in a few lines; "v1." names the format for a later key rotation.
 */
export function sealTotpSecret(secret: string, userId: string, keyHex: string = env().TOTP_ENCRYPTION_KEY): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", Buffer.from(keyHex, "hex"), iv);
  cipher.setAAD(Buffer.from(userId));
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64url")}`;
}
