import { join } from "node:path";
import { env, type TServerEnv } from "@/lib/env";
import { createLocalDiskStorage } from "./local-disk-storage";
import type { ObjectStorage } from "./object-storage";

export type StorageConfig = Pick<TServerEnv, "DATA_DIR">;

let shared: ObjectStorage | undefined;

function createStorage(config: StorageConfig): ObjectStorage {
  return createLocalDiskStorage({ rootDir: join(config.DATA_DIR, "uploads") });
}

/**
 * The configured object storage. Without config it is the process-wide instance built from
 * env(); scripts that run before the full environment exists pass their own config.
 */
export function getStorage(config?: StorageConfig): ObjectStorage {
  if (config) return createStorage(config);
  shared ??= createStorage(env());
  return shared;
}
