import "server-only";

import { randomUUID } from "node:crypto";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { DirectUploadStorage, UploadTarget } from "@/lib/storage/upload-target";

import { getUploadStorage } from "./get-upload-storage";
import {
  isAcceptedImageType,
  MAX_PENDING_UPLOADS_PER_HOUR,
  MAX_UPLOAD_BYTES,
  REJECT_REASONS,
  type UploadPurposeName,
} from "./upload-limits";

export type CreatedUpload = {
  uploadId: string;
  upload: Pick<UploadTarget, "url" | "method" | "headers">;
  expiresAt: Date;
};

const HOUR_MS = 60 * 60 * 1000;

function refuse(field: string, message: string): AppError {
  return new AppError("validation_failed", message, { fields: { [field]: message } });
}

/** The declared type and size, checked before anything is stored (the worker checks the real bytes again). */
function checkDeclaredFile(opts: { fileName: string; contentType: string; byteSize: number }): void {
  const type = opts.contentType.trim().toLowerCase();
  if (type.startsWith("image/svg") || /\.svgz?$/i.test(opts.fileName.trim()))
    throw refuse("content_type", REJECT_REASONS.svg);
  if (!isAcceptedImageType(type))
    throw refuse("content_type", `${REJECT_REASONS.notAnImage}. Upload a .jpg, .png, .webp or .gif file.`);
  if (!Number.isSafeInteger(opts.byteSize) || opts.byteSize <= 0) throw refuse("byte_size", "The file is empty.");
  if (opts.byteSize > MAX_UPLOAD_BYTES) throw refuse("byte_size", REJECT_REASONS.tooManyBytes);
}

/**
 * Starts an image upload: refuses a declared type or size we would never accept, records the
 * upload as pending and returns where the browser PUTs the file (an S3 presigned URL, or
 * the signed local blob route).
 */
export async function createUpload(opts: {
  userId: string;
  purpose: UploadPurposeName;
  fileName: string;
  contentType: string;
  byteSize: number;
  storage?: DirectUploadStorage;
}): Promise<CreatedUpload> {
  checkDeclaredFile(opts);
  const contentType = opts.contentType.trim().toLowerCase();
  const id = randomUUID();

  await db().$transaction(async (tx) => {
    // Serializes one user's concurrent starts so the count below cannot be raced past.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`uploads:${opts.userId}`}))`;
    const pending = await tx.upload.count({
      where: { userId: opts.userId, status: "pending", createdAt: { gt: new Date(Date.now() - HOUR_MS) } },
    });
    if (pending >= MAX_PENDING_UPLOADS_PER_HOUR) {
      throw new AppError(
        "rate_limited",
        `You have ${pending} unfinished uploads from the last hour. Finish them or try again later.`,
        { retryAfterSeconds: 60 * 10 },
      );
    }
    await tx.upload.create({
      data: {
        id,
        userId: opts.userId,
        purpose: opts.purpose,
        contentType,
        byteSize: opts.byteSize,
        originalKey: `originals/${id}`,
      },
    });
  });

  const storage = opts.storage ?? getUploadStorage();
  const target = await storage.createUploadTarget({
    uploadId: id,
    key: `originals/${id}`,
    contentType,
    byteSize: opts.byteSize,
  });
  return {
    uploadId: id,
    upload: { url: target.url, method: target.method, headers: target.headers },
    expiresAt: target.expiresAt,
  };
}
