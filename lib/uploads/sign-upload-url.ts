// Upload URLs for the local storage driver: the browser PUTs the file to our own route,
// which trusts only what this HMAC covers (which upload, until when, how many bytes, which
// type). Stands in for an S3 presigned URL when no bucket is configured.
import { createHmac, timingSafeEqual } from "node:crypto";

import { UPLOAD_URL_TTL_SECONDS } from "./upload-limits";

export type SignedUploadGrant = { uploadId: string; contentType: string; maxBytes: number; expiresAt: Date };
export type UploadUrlCheck = ({ ok: true } & SignedUploadGrant) | { ok: false; reason: "invalid" | "expired" };

// Versioned, so a future change of the signed fields cannot be confused with this one.
const SCHEME = "upload-v1";

function signature(
  secret: string,
  g: { uploadId: string; expires: number; maxBytes: number; contentType: string },
): Buffer {
  return createHmac("sha256", secret)
    .update([SCHEME, g.uploadId, g.expires, g.maxBytes, g.contentType].join("\n"))
    .digest();
}

function uploadBlobPath(uploadId: string): string {
  return `/api/v1/uploads/${encodeURIComponent(uploadId)}/blob`;
}

/**
 * A same-origin URL the file may be PUT to for the next ten minutes. Relative on purpose:
 * the browser resolves it against the page, whatever host or port the app is served on.
 */
export function signUploadUrl(opts: {
  uploadId: string;
  contentType: string;
  maxBytes: number;
  secret: string;
  now?: Date;
  ttlSeconds?: number;
}): { url: string; expiresAt: Date } {
  const now = opts.now ?? new Date();
  const expires = Math.floor(now.getTime() / 1000) + (opts.ttlSeconds ?? UPLOAD_URL_TTL_SECONDS);
  const sig = signature(opts.secret, {
    uploadId: opts.uploadId,
    expires,
    maxBytes: opts.maxBytes,
    contentType: opts.contentType,
  }).toString("base64url");
  const query = new URLSearchParams({
    expires: String(expires),
    max: String(opts.maxBytes),
    type: opts.contentType,
    sig,
  });
  return { url: `${uploadBlobPath(opts.uploadId)}?${query}`, expiresAt: new Date(expires * 1000) };
}

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
  const expected = signature(opts.secret, { uploadId: opts.uploadId, expires, maxBytes, contentType });
  const given = Buffer.from(sig, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "invalid" };
  const now = opts.now ?? new Date();
  if (now.getTime() >= expires * 1000) return { ok: false, reason: "expired" };
  return { ok: true, uploadId: opts.uploadId, contentType, maxBytes, expiresAt: new Date(expires * 1000) };
}
