import "server-only";

import sharp from "sharp";

import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/log/logger";
import type { ObjectStorage } from "@/lib/storage/object-storage";
import { writeImageVariants } from "@/lib/storage/write-image-variants";

import { getUploadStorage } from "./get-upload-storage";
import { imageHashes } from "./image-hashes";
import { MAX_IMAGE_PIXELS, MAX_UPLOAD_BYTES, REJECT_REASONS } from "./upload-limits";

export type ProcessUploadResult = "ready" | "rejected" | "skipped";

type RasterFormat = "jpeg" | "png" | "webp" | "gif";

/** The format the file's first bytes prove, whatever its name or declared type says. */
function sniffFormat(b: Buffer): RasterFormat | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "jpeg";
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return "png";
  if (b.length >= 12 && b.toString("latin1", 0, 4) === "RIFF" && b.toString("latin1", 8, 12) === "WEBP") return "webp";
  if (b.length >= 6 && (b.toString("latin1", 0, 6) === "GIF87a" || b.toString("latin1", 0, 6) === "GIF89a"))
    return "gif";
  return null;
}

class Rejection extends Error {}

/** Every check that needs no pixel decoded: bytes, magic number, and the header's dimensions. */
async function inspect(body: Buffer): Promise<void> {
  if (body.length > MAX_UPLOAD_BYTES) throw new Rejection(REJECT_REASONS.tooManyBytes);
  const format = sniffFormat(body);
  if (!format) throw new Rejection(REJECT_REASONS.notAnImage);
  let width: number;
  let height: number;
  try {
    // Header only: no pixel limit here, so a decompression bomb's real size can be named.
    const meta = await sharp(body, { limitInputPixels: false }).metadata();
    if (meta.format !== format) throw new Rejection(REJECT_REASONS.notAnImage);
    ({ width, height } = meta);
  } catch (err) {
    if (err instanceof Rejection) throw err;
    throw new Rejection(REJECT_REASONS.unreadable);
  }
  if (!(width > 0 && height > 0)) throw new Rejection(REJECT_REASONS.unreadable);
  if (width * height > MAX_IMAGE_PIXELS) throw new Rejection(REJECT_REASONS.tooManyPixels(width, height));
}

/**
 * The process-upload job: validates an uploaded original (size, magic bytes, pixel count,
 * decodability) and writes its metadata-free WebP variants, or rejects it with a reason the
 * uploader shows. Runs only for uploads in "uploaded"/"processing", so a repeat is harmless.
 * Storage errors are thrown (the queue retries); bad files are never retried.
 */
export async function processUpload(
  uploadId: string,
  opts: { storage?: ObjectStorage } = {},
): Promise<ProcessUploadResult> {
  const claimed = await db().upload.updateMany({
    where: { id: uploadId, status: { in: ["uploaded", "processing"] } },
    data: { status: "processing" },
  });
  if (claimed.count === 0) return "skipped";
  const upload = await db().upload.findUniqueOrThrow({ where: { id: uploadId }, select: { originalKey: true } });
  const storage = opts.storage ?? getUploadStorage();

  const reject = async (reason: string): Promise<ProcessUploadResult> => {
    await db().upload.updateMany({
      where: { id: uploadId, status: "processing" },
      data: { status: "rejected", rejectReason: reason, variants: [] },
    });
    // A refused file (a script, a bomb) is not kept; nothing serves originals, but nothing needs it either.
    await storage.delete(upload.originalKey);
    logger.info({ uploadId, reason }, "upload rejected");
    return "rejected";
  };

  const original = await storage.get(upload.originalKey);
  if (!original) return reject(REJECT_REASONS.missing);
  try {
    await inspect(original.body);
  } catch (err) {
    if (err instanceof Rejection) return reject(err.message);
    throw err;
  }

  let result: Awaited<ReturnType<typeof writeImageVariants>>;
  try {
    result = await writeImageVariants({ storage, uploadId, input: original.body });
  } catch (err) {
    // writeImageVariants reports an undecodable image as an AppError before writing anything.
    if (isAppError(err)) return reject(REJECT_REASONS.unreadable);
    throw err;
  }

  // For the duplicate-photo check across sellers (lib/fraud/listings).
  const hashes = await imageHashes(original.body);
  await db().upload.updateMany({
    where: { id: uploadId, status: "processing" },
    data: {
      status: "ready",
      sha256: hashes.sha256,
      dhash: hashes.dhash,
      width: result.width,
      height: result.height,
      variants: result.variants,
      rejectReason: null,
    },
  });
  return "ready";
}
