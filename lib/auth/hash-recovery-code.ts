import { createHash } from "node:crypto";

/**
 * What a recovery code is stored as: SHA-256 of its letters and digits, lower case (a person may
 * type it in capitals, or without the dash). The codes are random 50-bit strings, so a fast
 * hash is enough; a slow one is for passwords people choose.
 */
export function hashRecoveryCode(code: string): string {
  return createHash("sha256")
    .update(code.toLowerCase().replace(/[^0-9a-z]/g, ""))
    .digest("hex");
}
