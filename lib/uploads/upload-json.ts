import type { createUpload } from "./create-upload";
import type { UploadView } from "./get-upload";

/** The API's JSON for an upload (snake_case, as the rest of /api/v1). */
export function uploadJson(u: UploadView) {
  return {
    upload_id: u.uploadId,
    purpose: u.purpose,
    status: u.status,
    reject_reason: u.rejectReason,
    width: u.width,
    height: u.height,
    variants: u.variants.map((v) => ({ width: v.width, height: v.height, key: v.key, url: v.url })),
  };
}

/** POST /uploads: where to PUT the file, and until when. */
export function createdUploadJson(c: Awaited<ReturnType<typeof createUpload>>) {
  return { upload_id: c.uploadId, upload: c.upload, expires_at: c.expiresAt.toISOString() };
}
