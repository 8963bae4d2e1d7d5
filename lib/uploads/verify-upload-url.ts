import { timingSafeEqual } from "node:crypto";

import type { SignedUploadGrant } from "./sign-upload-url";
import { uploadUrlSignature } from "./upload-url-signature";

export type UploadUrlCheck = ({ ok: true } & SignedUploadGrant) | { ok: false; reason: "invalid" | "expired" };

const DIGITS = /^\d{1,15}$/;

/** Checks a signed upload URL's query for uploadId: the signature first, then the expiry. */
export function verifyUploadUrl(opts: {
  uploadId: string;
  searchParams: URLSearchParams;
  secret: string;
  now?: Date;
}): UploadUrlCheck {
  const q = opts.searchParams;
  const [expiresRaw, maxRaw, contentType, sig] = [q.get("expires"), q.get("max"), q.get("type"), q.get("sig")];
  if (!expiresRaw || !maxRaw || !contentType || !sig || !DIGITS.test(expiresRaw) || !DIGITS.test(maxRaw))
    return { ok: false, reason: "invalid" };
  const expires = Number(expiresRaw);
  const maxBytes = Number(maxRaw);
  const expected = uploadUrlSignature(opts.secret, { uploadId: opts.uploadId, expires, maxBytes, contentType });
  const given = Buffer.from(sig, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "invalid" };
  const now = opts.now ?? new Date();
  if (now.getTime() >= expires * 1000) return { ok: false, reason: "expired" };
  return { ok: true, uploadId: opts.uploadId, contentType, maxBytes, expiresAt: new Date(expires * 1000) };
}
