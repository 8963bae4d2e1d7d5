import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export function randomToken(length: number): string {
  let out = "";
  // 248 is the largest multiple of 62 below 256: rejecting bytes above it keeps the draw uniform.
  while (out.length < length) {
    for (const byte of randomBytes(length)) {
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return out;
}

/** Stripe's id prefixes for the objects the emulator keeps. */
export type IdPrefix =
  | "acct"
  | "ch"
  | "cus"
  | "dlv"
  | "dp"
  | "evt"
  | "pi"
  | "pm"
  | "po"
  | "py"
  | "re"
  | "req"
  | "tr"
  | "trr"
  | "tu"
  | "txn"
  | "we";

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomToken(24)}`;
}
