// What an image upload may be. Plain constants with no server imports, so the uploader
// component checks the same limits in the browser before sending a byte.
export const ACCEPTED_IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp", "image/gif"] as const;
export type AcceptedImageType = (typeof ACCEPTED_IMAGE_TYPES)[number];

export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;
export const MAX_UPLOAD_MEGABYTES = MAX_UPLOAD_BYTES / (1024 * 1024);
// A 40 MP image decodes to ~160 MB of RGBA; anything larger is refused from its header.
export const MAX_IMAGE_PIXELS = 40_000_000;
export const UPLOAD_URL_TTL_SECONDS = 10 * 60;
// Uploads started but never completed, per user per hour: stops one account from
// reserving storage keys and upload URLs in bulk.
export const MAX_PENDING_UPLOADS_PER_HOUR = 50;

export const UPLOAD_PURPOSES = ["product_image", "review_image", "return_image", "message_image"] as const;
export type UploadPurposeName = (typeof UPLOAD_PURPOSES)[number];

export const UPLOAD_STATUSES = ["pending", "uploaded", "processing", "ready", "rejected"] as const;
export type UploadStatusName = (typeof UPLOAD_STATUSES)[number];

export const REJECT_REASONS = {
  notAnImage: "The file is not a JPEG, PNG, WebP or GIF image",
  svg: "SVG images are not accepted",
  tooManyBytes: `Images must be at most ${MAX_UPLOAD_MEGABYTES} MB`,
  unreadable: "The image could not be read; the file may be damaged or incomplete",
  missing: "The file never arrived; upload it again",
  tooManyPixels: (width: number, height: number) =>
    `The image is too large (${width}×${height} pixels); the limit is ${MAX_IMAGE_PIXELS / 1_000_000} megapixels`,
} as const;

export function isAcceptedImageType(type: string): type is AcceptedImageType {
  return (ACCEPTED_IMAGE_TYPES as readonly string[]).includes(type);
}
