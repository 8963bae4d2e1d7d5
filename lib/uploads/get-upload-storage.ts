import "server-only";

import { env } from "@/lib/env";
import { getStorage } from "@/lib/storage/get-storage";
import { isDirectUploadStorage, type DirectUploadStorage } from "@/lib/storage/upload-target";

import { withSignedUploadUrls } from "./with-signed-upload-urls";

let shared: DirectUploadStorage | undefined;

/** The configured storage with its direct-upload step: S3 presigned URLs, else signed local URLs. */
export function getUploadStorage(): DirectUploadStorage {
  if (!shared) {
    const storage = getStorage();
    shared = isDirectUploadStorage(storage)
      ? storage
      : withSignedUploadUrls(storage, { secret: env().UPLOAD_SIGNING_SECRET });
  }
  return shared;
}
