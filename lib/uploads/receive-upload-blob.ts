import "server-only";

import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import type { ObjectStorage } from "@/lib/storage/object-storage";

import { getUploadStorage } from "./get-upload-storage";
import { readBodyWithLimit } from "./read-body-with-limit";
import { REJECT_REASONS } from "./upload-limits";
import { verifyUploadUrl } from "./verify-upload-url";

/**
 * The local driver's half of a direct upload (what S3 does for a presigned PUT): checks
 * the signed URL, then streams the body into the upload's original key, stopping at the
 * signed byte limit. Completing the upload stays a separate call, as it is with S3.
 */
export async function receiveUploadBlob(opts: {
  uploadId: string;
  searchParams: URLSearchParams;
  contentType: string | null;
  contentLength: string | null;
  body: ReadableStream<Uint8Array> | null;
  storage?: ObjectStorage;
  secret?: string;
  now?: Date;
}): Promise<{ uploadId: string; byteSize: number }> {
  const grant = verifyUploadUrl({
    uploadId: opts.uploadId,
    searchParams: opts.searchParams,
    secret: opts.secret ?? env().UPLOAD_SIGNING_SECRET,
    now: opts.now,
  });
  if (!grant.ok) {
    throw new AppError(
      "forbidden",
      grant.reason === "expired"
        ? "This upload link has expired. Start the upload again."
        : "This upload link is not valid. Start the upload again.",
    );
  }
  if ((opts.contentType ?? "").split(";")[0].trim().toLowerCase() !== grant.contentType) {
    throw new AppError(
      "unsupported_media_type",
      `Send the file with Content-Type: ${grant.contentType}, as the upload link requires.`,
    );
  }
  const tooLarge = `The file is larger than the ${grant.maxBytes} bytes this upload was started for. ${REJECT_REASONS.tooManyBytes}.`;
  // An honest client announces its size: refuse before reading a byte.
  if (opts.contentLength && Number(opts.contentLength) > grant.maxBytes)
    throw new AppError("payload_too_large", tooLarge);

  const upload = await db().upload.findUnique({
    where: { id: opts.uploadId },
    select: { status: true, originalKey: true },
  });
  if (!upload) throw new AppError("not_found", "Upload not found.");
  if (upload.status !== "pending")
    throw new AppError("conflict", "This upload is already finished; start a new one to send another file.");

  const body = await readBodyWithLimit(opts.body, grant.maxBytes, tooLarge);
  // Same rule as S3's signed Content-Length: the file must be the size that was declared.
  if (body.length !== grant.maxBytes) {
    throw new AppError(
      "bad_request",
      `The upload was started for ${grant.maxBytes} bytes but ${body.length} arrived. Start the upload again.`,
    );
  }
  const storage = opts.storage ?? getUploadStorage();
  await storage.put(upload.originalKey, body, grant.contentType);
  return { uploadId: opts.uploadId, byteSize: body.length };
}
