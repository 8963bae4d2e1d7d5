import "server-only";

import { createDecipheriv } from "node:crypto";

import { env } from "@/lib/env";

/** The authenticator secret sealed by sealTotpSecret; throws if it was altered, moved to another user, or sealed under another key. */
export function openTotpSecret(sealed: string, userId: string, keyHex: string = env().TOTP_ENCRYPTION_KEY): string {
  if (!sealed.startsWith("v1.")) throw new Error("unknown sealed TOTP secret format");
  const raw = Buffer.from(sealed.slice(3), "base64url");
  const decipher = createDecipheriv("aes-256-gcm", Buffer.from(keyHex, "hex"), raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(userId));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}
