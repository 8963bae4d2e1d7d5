import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { JOBS } from "@/lib/jobs/queues";
import type { DirectUploadStorage } from "@/lib/storage/upload-target";

import { getUploadStorage } from "./get-upload-storage";
import type { UploadStatusName } from "./upload-limits";

/**
 * Called by the uploader after its PUT succeeded: checks the file is in storage, marks the
 * upload uploaded and queues its processing in the same transaction. Only the owner may
 * complete; completing again (a retry, a double click) changes nothing and returns the status.
 */
export async function completeUpload(opts: {
  userId: string;
  uploadId: string;
  storage?: DirectUploadStorage;
}): Promise<{ uploadId: string; status: UploadStatusName }> {
  const upload = await db().upload.findFirst({
    where: { id: opts.uploadId, userId: opts.userId },
    select: { id: true, status: true, originalKey: true },
  });
  if (!upload) throw new AppError("not_found", "Upload not found.");
  if (upload.status !== "pending") return { uploadId: upload.id, status: upload.status };

  // A network call, so before the transaction.
  const storage = opts.storage ?? getUploadStorage();
  const stored = await storage.head(upload.originalKey);
  if (!stored) throw new AppError("conflict", "The file has not arrived yet. Upload it, then complete the upload.");

  const status = await db().$transaction(async (tx) => {
    const claimed = await tx.upload.updateMany({
      where: { id: upload.id, userId: opts.userId, status: "pending" },
      data: { status: "uploaded", byteSize: stored.size },
    });
    if (claimed.count === 0)
      return (await tx.upload.findUniqueOrThrow({ where: { id: upload.id }, select: { status: true } })).status;
    await enqueueJob({ name: JOBS.processUpload, data: { uploadId: upload.id }, tx });
    return "uploaded" as const;
  });
  return { uploadId: upload.id, status };
}
