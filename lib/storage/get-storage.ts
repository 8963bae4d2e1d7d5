import "server-only";

import { join } from "node:path";

import { env, type TServerEnv } from "@/lib/env";

import { createLocalDiskStorage } from "./local-disk-storage";
import type { ObjectStorage } from "./object-storage";
import { createS3Storage } from "./s3-storage";

type S3Settings =
  "S3_BUCKET" | "S3_ENDPOINT" | "S3_REGION" | "S3_ACCESS_KEY_ID" | "S3_SECRET_ACCESS_KEY" | "S3_PUBLIC_URL";
export type StorageConfig = Pick<TServerEnv, "DATA_DIR"> & Partial<Pick<TServerEnv, S3Settings>>;

let shared: ObjectStorage | undefined;

function createStorage(config: StorageConfig): ObjectStorage {
  if (config.S3_BUCKET) {
    return createS3Storage({
      bucket: config.S3_BUCKET,
      region: config.S3_REGION ?? "us-east-1",
      endpoint: config.S3_ENDPOINT,
      // env() refuses S3_BUCKET without both keys.
      accessKeyId: config.S3_ACCESS_KEY_ID ?? "",
      secretAccessKey: config.S3_SECRET_ACCESS_KEY ?? "",
      publicUrl: config.S3_PUBLIC_URL,
    });
  }
  return createLocalDiskStorage({ rootDir: join(config.DATA_DIR, "uploads") });
}

/**
 * The configured object storage: S3 when S3_BUCKET is set, else local disk. Without config
 * it is the process-wide instance built from env(); scripts that run before the full
 * environment exists pass their own config.
 */
export function getStorage(config?: StorageConfig): ObjectStorage {
  if (config) return createStorage(config);
  shared ??= createStorage(env());
  return shared;
}
