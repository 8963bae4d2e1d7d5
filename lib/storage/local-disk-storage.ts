// Object storage on the local file system: `<rootDir>/<key>`, with the content type in a
// sidecar file beside it. The default driver for `npm start` and the tests.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, unlink, writeFile } from "node:fs/promises";
import { dirname, resolve, sep } from "node:path";

import { AppError } from "@/lib/errors/app-error";

import { isStorageKey } from "./is-storage-key";
import type { ObjectStorage } from "./object-storage";

// '~' can never appear in a key, so sidecar and temporary files cannot collide with objects.
const TYPE_SUFFIX = "~type";
const TMP_SUFFIX = "~tmp-";
const FALLBACK_CONTENT_TYPE = "application/octet-stream";
const CONTENT_TYPE_PATTERN = /^[\w.+-]+\/[\w.+-]+(\s*;\s*[\w.+-]+=[\w.+-]+)*$/;
// A key that names a directory (a prefix of other keys) or passes through a file is not an object.
const MISSING_CODES = new Set(["ENOENT", "EISDIR", "ENOTDIR"]);

function isMissing(err: unknown): boolean {
  return MISSING_CODES.has((err as NodeJS.ErrnoException).code ?? "");
}

async function removeFile(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (err) {
    if (!isMissing(err)) throw err;
  }
}

// Readers see the old file or the new one, never a half-written one.
async function writeAtomically(path: string, data: Buffer | string): Promise<void> {
  const tmp = `${path}${TMP_SUFFIX}${randomBytes(6).toString("hex")}`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

export function createLocalDiskStorage(opts: { rootDir: string; publicPath?: string }): ObjectStorage {
  const root = resolve(opts.rootDir);
  const publicPath = opts.publicPath ?? "/media";

  const pathFor = (key: string): string => {
    if (!isStorageKey(key)) throw new AppError("bad_request", "Invalid storage key.");
    const path = resolve(root, key);
    if (!path.startsWith(root + sep)) throw new AppError("bad_request", "Invalid storage key.");
    return path;
  };

  return {
    async put(key, body, contentType) {
      const path = pathFor(key);
      if (!CONTENT_TYPE_PATTERN.test(contentType)) throw new AppError("bad_request", "Invalid content type.");
      await mkdir(dirname(path), { recursive: true });
      await writeAtomically(path + TYPE_SUFFIX, contentType);
      await writeAtomically(path, body);
    },

    async get(key) {
      const path = pathFor(key);
      let body: Buffer;
      try {
        body = await readFile(path);
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
      let contentType = FALLBACK_CONTENT_TYPE;
      try {
        contentType = (await readFile(path + TYPE_SUFFIX, "utf8")).trim() || FALLBACK_CONTENT_TYPE;
      } catch (err) {
        if (!isMissing(err)) throw err;
      }
      return { body, contentType, size: body.length };
    },

    async delete(key) {
      const path = pathFor(key);
      await removeFile(path);
      await removeFile(path + TYPE_SUFFIX);
    },

    publicUrl(key) {
      pathFor(key);
      return `${publicPath}/${key}`;
    },
  };
}
