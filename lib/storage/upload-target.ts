// The one step of a direct-to-storage upload that differs per driver: where the browser
// sends the bytes. S3 answers with a presigned URL, local disk with an HMAC-signed URL
// served by our own route; callers only ever see an UploadTarget.
import type { ObjectStorage } from "./object-storage";

export type UploadTarget = {
  url: string;
  method: "PUT";
  /** Headers the PUT must carry exactly (they are part of the signature). */
  headers: Record<string, string>;
  expiresAt: Date;
};

export type UploadTargetRequest = {
  uploadId: string;
  key: string;
  contentType: string;
  /** The declared size: the PUT may carry at most (S3: exactly) this many bytes. */
  byteSize: number;
};

export type ObjectHead = { size: number; contentType: string };

export interface DirectUploadStorage extends ObjectStorage {
  createUploadTarget(request: UploadTargetRequest): Promise<UploadTarget>;
  /** Size and type of the object at key without downloading it, or null when there is none. */
  head(key: string): Promise<ObjectHead | null>;
}

export function isDirectUploadStorage(storage: ObjectStorage): storage is DirectUploadStorage {
  const s = storage as Partial<DirectUploadStorage>;
  return typeof s.createUploadTarget === "function" && typeof s.head === "function";
}
