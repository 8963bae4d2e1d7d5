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
