// Object storage on S3 or any S3-compatible store (MinIO, R2, Ceph...). Browsers upload
// straight to the bucket through presigned PUT URLs; a CDN in front of S3_PUBLIC_URL
// serves the variants. Keys are immutable, so every object is cached for a year.
import "server-only";

import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";

import { AppError } from "@/lib/errors/app-error";

import { isStorageKey } from "./is-storage-key";
import type { DirectUploadStorage } from "./upload-target";

export type S3StorageConfig = {
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Set for S3-compatible stores; switches to path-style URLs (http://host/bucket/key). */
  endpoint?: string;
  /** Where browsers load objects from (a CDN or the bucket's public URL). */
  publicUrl?: string;
  uploadUrlTtlSeconds?: number;
  /** For tests: a client with a stubbed request handler. */
  client?: S3Client;
};

const CACHE_CONTROL = "public, max-age=31536000, immutable";
const DEFAULT_UPLOAD_URL_TTL_SECONDS = 10 * 60;

function checkKey(key: string): string {
  if (!isStorageKey(key)) throw new AppError("bad_request", "Invalid storage key.");
  return key;
}

function isNotFound(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === "NoSuchKey" || e?.name === "NotFound" || e?.$metadata?.httpStatusCode === 404;
}

function defaultPublicBase(config: S3StorageConfig): string {
  if (config.endpoint) return `${config.endpoint.replace(/\/+$/, "")}/${config.bucket}`;
  return `https://${config.bucket}.s3.${config.region}.amazonaws.com`;
}

export function createS3Client(config: Omit<S3StorageConfig, "client" | "bucket" | "publicUrl">): S3Client {
  return new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: Boolean(config.endpoint),
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    // Default checksums would add a CRC of the empty presign-time body to the URL (so any
    // real upload fails), and several S3-compatible stores reject the newer checksum headers.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

export function createS3Storage(config: S3StorageConfig): DirectUploadStorage {
  const client = config.client ?? createS3Client(config);
  const bucket = config.bucket;
  const publicBase = (config.publicUrl ?? defaultPublicBase(config)).replace(/\/+$/, "");
  const ttl = config.uploadUrlTtlSeconds ?? DEFAULT_UPLOAD_URL_TTL_SECONDS;

  return {
    async put(key, body, contentType) {
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: checkKey(key),
          Body: body,
          ContentType: contentType,
          CacheControl: CACHE_CONTROL,
        }),
      );
    },

    async get(key) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: checkKey(key) }));
        if (!out.Body) return null;
        const body = Buffer.from(await out.Body.transformToByteArray());
        return { body, contentType: out.ContentType ?? "application/octet-stream", size: body.length };
      } catch (err) {
        if (isNotFound(err)) return null;
        throw err;
      }
    },

    async head(key) {
      try {
        const out = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: checkKey(key) }));
        return { size: out.ContentLength ?? 0, contentType: out.ContentType ?? "application/octet-stream" };
      } catch (err) {
        if (isNotFound(err)) return null;
        throw err;
      }
    },

    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: checkKey(key) }));
    },

    publicUrl(key) {
      return `${publicBase}/${checkKey(key)}`;
    },

    async createUploadTarget({ key, contentType, byteSize }) {
      const expiresAt = new Date(Date.now() + ttl * 1000);
      // Content-Type and Content-Length are signed: S3 refuses a PUT of another type or size.
      const url = await getSignedUrl(
        client,
        new PutObjectCommand({ Bucket: bucket, Key: checkKey(key), ContentType: contentType, ContentLength: byteSize }),
        {
          expiresIn: ttl,
          signableHeaders: new Set(["content-type", "content-length"]),
        },
      );
      // Browsers set Content-Length themselves (it is a forbidden header for scripts).
      return { url, method: "PUT", headers: { "Content-Type": contentType }, expiresAt };
    },
  };
}
