// Upload URLs for the local storage driver: the browser PUTs the file to our own route,
// which trusts only what this HMAC covers (which upload, until when, how many bytes, which
// type). Stands in for an S3 presigned URL when no bucket is configured.
import { UPLOAD_URL_TTL_SECONDS } from "./upload-limits";
import { uploadUrlSignature } from "./upload-url-signature";

export type SignedUploadGrant = { uploadId: string; contentType: string; maxBytes: number; expiresAt: Date };

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
  const sig = uploadUrlSignature(opts.secret, {
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
