import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { ObjectStorage } from "@/lib/storage/object-storage";
import type { ImageVariant } from "@/lib/storage/write-image-variants";

import { getUploadStorage } from "./get-upload-storage";
import type { UploadPurposeName, UploadStatusName } from "./upload-limits";

export type UploadView = {
  uploadId: string;
  purpose: UploadPurposeName;
  status: UploadStatusName;
  rejectReason: string | null;
  width: number | null;
  height: number | null;
  /** Narrowest first, each with the URL browsers load it from. */
  variants: (ImageVariant & { url: string })[];
};

/** An upload's processing status, for its owner only (anyone else gets a 404, not a 403). */
export async function getUpload(opts: {
  userId: string;
  uploadId: string;
  storage?: Pick<ObjectStorage, "publicUrl">;
}): Promise<UploadView> {
  const upload = await db().upload.findFirst({
    where: { id: opts.uploadId, userId: opts.userId },
    select: { id: true, purpose: true, status: true, rejectReason: true, width: true, height: true, variants: true },
  });
  if (!upload) throw new AppError("not_found", "Upload not found.");
  const storage = opts.storage ?? getUploadStorage();
  const variants =
    upload.status === "ready"
      ? [...((upload.variants as ImageVariant[] | null) ?? [])].sort((a, b) => a.width - b.width)
      : [];
  return {
    uploadId: upload.id,
    purpose: upload.purpose,
    status: upload.status,
    rejectReason: upload.status === "rejected" ? upload.rejectReason : null,
    width: upload.width,
    height: upload.height,
    variants: variants.map((v) => ({ ...v, url: storage.publicUrl(v.key) })),
  };
}
