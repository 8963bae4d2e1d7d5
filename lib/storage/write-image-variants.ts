// The WebP variants every product and review image is served as: one per width in
// IMAGE_VARIANT_WIDTHS (never enlarged), auto-rotated, with all metadata (EXIF location,
// camera serials) dropped. Shared by the upload pipeline and the demo seed.
import "server-only";

import sharp, { type OutputInfo } from "sharp";

import { AppError } from "@/lib/errors/app-error";

import type { ObjectStorage } from "./object-storage";
import { variantKey } from "./variant-key";

export const IMAGE_VARIANT_WIDTHS = [320, 640, 1280] as const;

export type ImageVariant = { width: number; height: number; key: string };

const WEBP_QUALITY = 80;
const MAX_WIDTH = IMAGE_VARIANT_WIDTHS[IMAGE_VARIANT_WIDTHS.length - 1];
// Raster formats only: SVG is refused because it can carry scripts and external references.
const ACCEPTED_FORMATS = new Set(["jpeg", "png", "webp", "gif", "heif", "avif", "tiff"]);

function unreadable(): AppError {
  return new AppError(
    "unsupported_media_type",
    "The file is not an image we can read. Upload a JPEG, PNG or WebP image.",
  );
}

/**
 * Decodes input once, writes a WebP variant per target width (the source's own width
 * stands in for the targets it is narrower than, so there is always at least one) and
 * returns the source's upright size and the variants, narrowest first.
 */
export async function writeImageVariants(opts: {
  storage: ObjectStorage;
  uploadId: string;
  input: Buffer;
}): Promise<{ width: number; height: number; variants: ImageVariant[] }> {
  let source: { width: number; height: number };
  let largest: { data: Buffer; info: OutputInfo };
  try {
    const meta = await sharp(opts.input).metadata();
    if (!ACCEPTED_FORMATS.has(meta.format)) throw unreadable();
    source = meta.autoOrient;
    // One decode, downscaled to the widest variant; the narrower ones are resized from it.
    largest = await sharp(opts.input, { autoOrient: true })
      .resize({ width: MAX_WIDTH, withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw unreadable();
  }

  const { width: largestWidth, height: largestHeight, channels } = largest.info;
  const widths = [...new Set(IMAGE_VARIANT_WIDTHS.map((w) => Math.min(w, largestWidth)))];

  const variants = await Promise.all(
    widths.map(async (width): Promise<ImageVariant> => {
      let pipeline = sharp(largest.data, { raw: { width: largestWidth, height: largestHeight, channels } });
      if (width < largestWidth) pipeline = pipeline.resize({ width });
      const { data, info } = await pipeline.webp({ quality: WEBP_QUALITY }).toBuffer({ resolveWithObject: true });
      const key = variantKey(opts.uploadId, info.width);
      await opts.storage.put(key, data, "image/webp");
      return { width: info.width, height: info.height, key };
    }),
  );
  return { width: source.width, height: source.height, variants };
}
