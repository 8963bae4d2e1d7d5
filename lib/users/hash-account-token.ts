import { createHash } from "node:crypto";

/**
 * The SHA-256 (hex) of a one-time link's token: what account_tokens stores and looks up. The
 * token is 32 random bytes, so a fast hash is enough (nothing to brute-force) and a leaked
 * table yields no usable link.
 */
export function hashAccountToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
