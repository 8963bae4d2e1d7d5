import type { ObjectStorage } from "@/lib/storage/object-storage";
import type { DirectUploadStorage } from "@/lib/storage/upload-target";

import { signUploadUrl } from "./sign-upload-url";

/**
 * Gives a storage driver without presigned URLs (local disk) the direct-upload step:
 * upload targets are HMAC-signed URLs of the app's own blob route, which writes the object.
 */
export function withSignedUploadUrls(
  storage: ObjectStorage,
  opts: { secret: string; ttlSeconds?: number },
): DirectUploadStorage {
  return {
    put: (key, body, contentType) => storage.put(key, body, contentType),
    get: (key) => storage.get(key),
    delete: (key) => storage.delete(key),
    publicUrl: (key) => storage.publicUrl(key),
    async head(key) {
      const object = await storage.get(key);
      return object ? { size: object.size, contentType: object.contentType } : null;
    },
    async createUploadTarget({ uploadId, contentType, byteSize }) {
      const { url, expiresAt } = signUploadUrl({
        uploadId,
        contentType,
        maxBytes: byteSize,
        secret: opts.secret,
        ttlSeconds: opts.ttlSeconds,
      });
      return { url, method: "PUT", headers: { "Content-Type": contentType }, expiresAt };
    },
  };
}
