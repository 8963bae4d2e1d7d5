import { createHmac } from "node:crypto";

// Versioned, so a future change of the signed fields cannot be confused with this one.
const SCHEME = "upload-v1";

/** The HMAC an upload URL carries: over the scheme, the upload, its expiry, size limit and type. */
export function uploadUrlSignature(
  secret: string,
  g: { uploadId: string; expires: number; maxBytes: number; contentType: string },
): Buffer {
  return createHmac("sha256", secret)
    .update([SCHEME, g.uploadId, g.expires, g.maxBytes, g.contentType].join("\n"))
    .digest();
}
