import { randomUUID } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { createLocalDiskStorage } from "@/lib/storage/local-disk-storage";
import type { DirectUploadStorage } from "@/lib/storage/upload-target";
import { createUser } from "@/test/factories";

import { completeUpload } from "./complete-upload";
import { createUpload } from "./create-upload";
import { getUpload } from "./get-upload";
import { processUpload } from "./process-upload";
import { verifyUploadUrl } from "./verify-upload-url";
import { withSignedUploadUrls } from "./with-signed-upload-urls";

const secret = "test-upload-secret-0123456789abcdef0123456789";
let root: string;
let storage: DirectUploadStorage;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "create-upload-"));
  storage = withSignedUploadUrls(createLocalDiskStorage({ rootDir: join(root, "uploads") }), { secret });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const MB = 1024 * 1024;

async function jobsFor(uploadId: string): Promise<number> {
  const rows = await db().$queryRaw<
    { n: bigint }[]
  >`SELECT count(*) AS n FROM pgboss.job WHERE name = 'process-upload' AND data->>'uploadId' = ${uploadId}`;
  return Number(rows[0].n);
}

describe("createUpload", () => {
  it.each([
    [
      "an SVG",
      { fileName: "logo.svg", contentType: "image/svg+xml", byteSize: 2000 },
      "SVG images are not accepted",
      "content_type",
    ],
    [
      "an SVG sent as PNG",
      { fileName: "logo.svg", contentType: "image/png", byteSize: 2000 },
      "SVG images are not accepted",
      "content_type",
    ],
    [
      "a 60 MB image",
      { fileName: "huge.jpg", contentType: "image/jpeg", byteSize: 60 * MB },
      "Images must be at most 15 MB",
      "byte_size",
    ],
    [
      "a PHP script",
      { fileName: "shell.php", contentType: "application/x-php", byteSize: 40 },
      "The file is not a JPEG, PNG, WebP or GIF image. Upload a .jpg, .png, .webp or .gif file.",
      "content_type",
    ],
    [
      "an unknown type",
      { fileName: "scan.tiff", contentType: "image/tiff", byteSize: 40 },
      "The file is not a JPEG, PNG, WebP or GIF image. Upload a .jpg, .png, .webp or .gif file.",
      "content_type",
    ],
    [
      "an empty file",
      { fileName: "empty.png", contentType: "image/png", byteSize: 0 },
      "The file is empty.",
      "byte_size",
    ],
  ])("refuses %s up front with a clear message and stores nothing", async (_label, file, message, field) => {
    const user = await createUser(db());
    const err = await createUpload({ userId: user.id, purpose: "product_image", storage, ...file }).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({
      status: 400,
      code: "validation_failed",
      message,
      details: { fields: { [field]: message } },
    });
    expect(await db().upload.count({ where: { userId: user.id } })).toBe(0);
    expect(await readdir(root)).toEqual([]);
  });

  it("records a pending upload and returns a signed PUT target for exactly that file", async () => {
    const user = await createUser(db());
    const created = await createUpload({
      userId: user.id,
      purpose: "review_image",
      fileName: "Photo.JPG",
      contentType: "Image/JPEG",
      byteSize: 5 * MB,
      storage,
    });

    const u = await db().upload.findUniqueOrThrow({ where: { id: created.uploadId } });
    expect(u).toMatchObject({
      userId: user.id,
      purpose: "review_image",
      status: "pending",
      contentType: "image/jpeg",
      byteSize: 5 * MB,
      originalKey: `originals/${created.uploadId}`,
    });
    expect(created.upload.method).toBe("PUT");
    expect(created.upload.headers).toEqual({ "Content-Type": "image/jpeg" });
    const url = new URL(created.upload.url, "http://localhost");
    expect(url.pathname).toBe(`/api/v1/uploads/${created.uploadId}/blob`);
    expect(verifyUploadUrl({ uploadId: created.uploadId, searchParams: url.searchParams, secret })).toMatchObject({
      ok: true,
      contentType: "image/jpeg",
      maxBytes: 5 * MB,
    });
  });

  it("refuses a user's 51st unfinished upload within the hour", async () => {
    const user = await createUser(db());
    await db().upload.createMany({
      data: Array.from({ length: 50 }, () => {
        const id = randomUUID();
        return {
          id,
          userId: user.id,
          purpose: "product_image" as const,
          contentType: "image/png",
          byteSize: 10,
          originalKey: `originals/${id}`,
        };
      }),
    });
    await expect(
      createUpload({
        userId: user.id,
        purpose: "product_image",
        fileName: "a.png",
        contentType: "image/png",
        byteSize: 10,
        storage,
      }),
    ).rejects.toMatchObject({ status: 429, code: "rate_limited" });
    // Finished uploads do not count.
    await db().upload.updateMany({ where: { userId: user.id }, data: { status: "ready" } });
    await expect(
      createUpload({
        userId: user.id,
        purpose: "product_image",
        fileName: "a.png",
        contentType: "image/png",
        byteSize: 10,
        storage,
      }),
    ).resolves.toMatchObject({ uploadId: expect.any(String) });
  });
});

describe("completeUpload and getUpload", () => {
  it("only the owner can complete or read an upload; anyone else gets a 404", async () => {
    const owner = await createUser(db());
    const other = await createUser(db());
    const { uploadId } = await createUpload({
      userId: owner.id,
      purpose: "product_image",
      fileName: "a.png",
      contentType: "image/png",
      byteSize: 10,
      storage,
    });
    await storage.put(`originals/${uploadId}`, Buffer.alloc(10), "image/png");

    await expect(completeUpload({ userId: other.id, uploadId, storage })).rejects.toMatchObject({
      status: 404,
      code: "not_found",
    });
    await expect(getUpload({ userId: other.id, uploadId, storage })).rejects.toMatchObject({
      status: 404,
      code: "not_found",
    });
    expect((await db().upload.findUniqueOrThrow({ where: { id: uploadId } })).status).toBe("pending");
    expect(await jobsFor(uploadId)).toBe(0);

    await expect(getUpload({ userId: owner.id, uploadId, storage })).resolves.toMatchObject({
      uploadId,
      status: "pending",
      variants: [],
    });
    await expect(getUpload({ userId: owner.id, uploadId: randomUUID(), storage })).rejects.toMatchObject({
      status: 404,
    });
  });

  it("refuses to complete before the file is in storage", async () => {
    const user = await createUser(db());
    const { uploadId } = await createUpload({
      userId: user.id,
      purpose: "product_image",
      fileName: "a.png",
      contentType: "image/png",
      byteSize: 10,
      storage,
    });
    await expect(completeUpload({ userId: user.id, uploadId, storage })).rejects.toMatchObject({
      status: 409,
      code: "conflict",
    });
    expect((await db().upload.findUniqueOrThrow({ where: { id: uploadId } })).status).toBe("pending");
  });

  it("marks the upload uploaded and queues its processing exactly once, however often it is completed", async () => {
    const user = await createUser(db());
    const png = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#c33" } })
      .png()
      .toBuffer();
    const { uploadId } = await createUpload({
      userId: user.id,
      purpose: "product_image",
      fileName: "a.png",
      contentType: "image/png",
      byteSize: png.length,
      storage,
    });
    await storage.put(`originals/${uploadId}`, png, "image/png");

    const results = await Promise.all([
      completeUpload({ userId: user.id, uploadId, storage }),
      completeUpload({ userId: user.id, uploadId, storage }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["uploaded", "uploaded"]);
    expect(await completeUpload({ userId: user.id, uploadId, storage })).toEqual({ uploadId, status: "uploaded" });
    expect(await jobsFor(uploadId)).toBe(1);

    expect(await processUpload(uploadId, { storage })).toBe("ready");
    expect(await completeUpload({ userId: user.id, uploadId, storage })).toEqual({ uploadId, status: "ready" });
    expect(await jobsFor(uploadId)).toBe(1);

    const view = await getUpload({ userId: user.id, uploadId, storage });
    expect(view).toMatchObject({ status: "ready", rejectReason: null, width: 800, height: 600 });
    expect(view.variants.map((v) => [v.width, v.url])).toEqual([
      [320, `/media/images/${uploadId}/320.webp`],
      [640, `/media/images/${uploadId}/640.webp`],
      [800, `/media/images/${uploadId}/800.webp`],
    ]);
  });

  it("shows the owner why an upload was rejected", async () => {
    const user = await createUser(db());
    const php = Buffer.from("<?php system($_GET['c']); ?>");
    const { uploadId } = await createUpload({
      userId: user.id,
      purpose: "product_image",
      fileName: "shell.jpg",
      contentType: "image/jpeg",
      byteSize: php.length,
      storage,
    });
    await storage.put(`originals/${uploadId}`, php, "image/jpeg");
    await completeUpload({ userId: user.id, uploadId, storage });
    expect(await processUpload(uploadId, { storage })).toBe("rejected");
    expect(await getUpload({ userId: user.id, uploadId, storage })).toMatchObject({
      status: "rejected",
      rejectReason: "The file is not a JPEG, PNG, WebP or GIF image",
      variants: [],
    });
  });
});
