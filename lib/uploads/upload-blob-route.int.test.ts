// The local driver's PUT endpoint, called as Next calls it: a Request and the route params.
import { mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";

import { PUT } from "@/app/api/v1/uploads/[uploadId]/blob/route";
import { db } from "@/lib/db/client";
import { getStorage } from "@/lib/storage/get-storage";
import { createUser } from "@/test/factories";

import { completeUpload } from "./complete-upload";
import { createUpload } from "./create-upload";
import { getUpload } from "./get-upload";
import { processUpload } from "./process-upload";
import { signUploadUrl } from "./sign-upload-url";

// Before anything reads env(): this file's uploads go to a temporary directory.
const dataDir = mkdtempSync(join(tmpdir(), "upload-blob-route-"));
process.env.DATA_DIR = dataDir;

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const MB = 1024 * 1024;
const CHUNK = 64 * 1024;

/** A lazily produced body that records how much of it was pulled. */
function countingBody(total: number) {
  const stats = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const size = Math.min(CHUNK, total - stats.pulled);
        if (size <= 0) return controller.close();
        stats.pulled += size;
        controller.enqueue(new Uint8Array(size));
      },
      cancel() {
        stats.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, stats };
}

function put(
  url: string,
  uploadId: string,
  body: BodyInit | ReadableStream<Uint8Array>,
  headers: Record<string, string>,
) {
  const req = new Request(new URL(url, "http://localhost:3000"), {
    method: "PUT",
    body,
    headers,
    duplex: "half",
  } as RequestInit);
  return PUT(req, { params: Promise.resolve({ uploadId }) });
}

async function startUpload(opts: { contentType?: string; byteSize: number }) {
  const user = await createUser(db());
  const created = await createUpload({
    userId: user.id,
    purpose: "product_image",
    fileName: "photo.png",
    contentType: opts.contentType ?? "image/png",
    byteSize: opts.byteSize,
  });
  return { userId: user.id, ...created };
}

describe("PUT /api/v1/uploads/:id/blob", () => {
  it("stores the file at the upload's original key; complete and the worker then make it ready", async () => {
    const png = await sharp({ create: { width: 1500, height: 1000, channels: 3, background: "#3a7" } })
      .png()
      .toBuffer();
    const { userId, uploadId, upload } = await startUpload({ byteSize: png.length });

    const res = await put(upload.url, uploadId, new Uint8Array(png), upload.headers);
    expect(res.status).toBe(204);
    expect((await getStorage().get(`originals/${uploadId}`))?.body.equals(png)).toBe(true);

    expect(await completeUpload({ userId, uploadId })).toEqual({ uploadId, status: "uploaded" });
    expect(await processUpload(uploadId)).toBe("ready");
    const view = await getUpload({ userId, uploadId });
    expect(view.variants.map((v) => [v.width, v.height, v.url])).toEqual([
      [320, 213, `/media/images/${uploadId}/320.webp`],
      [640, 427, `/media/images/${uploadId}/640.webp`],
      [1280, 853, `/media/images/${uploadId}/1280.webp`],
    ]);

    // The link cannot overwrite the original once the upload is finished.
    const again = await put(upload.url, uploadId, new Uint8Array(png), upload.headers);
    expect(again.status).toBe(409);
  });

  it("answers 413 to a 60 MB stream as soon as the signed size is passed, without reading the rest", async () => {
    const { uploadId, upload } = await startUpload({ byteSize: 15 * MB });
    const { stream, stats } = countingBody(60 * MB);

    const res = await put(upload.url, uploadId, stream, upload.headers);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      error: { code: "payload_too_large", message: expect.stringContaining("Images must be at most 15 MB") },
    });
    expect(stats.pulled).toBeLessThanOrEqual(15 * MB + 2 * CHUNK);
    expect(stats.pulled).toBeLessThan(60 * MB);
    expect(await getStorage().get(`originals/${uploadId}`)).toBeNull();
  });

  it("answers 413 before reading a byte when Content-Length announces too much", async () => {
    const { uploadId, upload } = await startUpload({ byteSize: 1000 });
    const { stream, stats } = countingBody(60 * MB);
    const res = await put(upload.url, uploadId, stream, { ...upload.headers, "Content-Length": String(60 * MB) });
    expect(res.status).toBe(413);
    expect(stats.pulled).toBe(0);
  });

  it("refuses a tampered or expired link with 403 and a reason", async () => {
    const { uploadId, upload } = await startUpload({ byteSize: 10 });
    const bigger = new URL(upload.url, "http://localhost:3000");
    bigger.searchParams.set("max", String(60 * MB));
    const tampered = await put(bigger.toString(), uploadId, new Uint8Array(10), upload.headers);
    expect(tampered.status).toBe(403);
    expect(await tampered.json()).toEqual({
      error: { code: "forbidden", message: "This upload link is not valid. Start the upload again." },
    });

    const expired = signUploadUrl({
      uploadId,
      contentType: "image/png",
      maxBytes: 10,
      secret: process.env.UPLOAD_SIGNING_SECRET!,
      now: new Date(Date.now() - 11 * 60 * 1000),
    });
    const late = await put(expired.url, uploadId, new Uint8Array(10), upload.headers);
    expect(late.status).toBe(403);
    expect(await late.json()).toEqual({
      error: { code: "forbidden", message: "This upload link has expired. Start the upload again." },
    });

    const otherUpload = await startUpload({ byteSize: 10 });
    const stolen = await put(upload.url, otherUpload.uploadId, new Uint8Array(10), upload.headers);
    expect(stolen.status).toBe(403);
    expect(await getStorage().get(`originals/${otherUpload.uploadId}`)).toBeNull();
  });

  it("refuses another content type than the signed one, and a file shorter than declared", async () => {
    const { uploadId, upload } = await startUpload({ byteSize: 10 });
    const svg = await put(upload.url, uploadId, "<svg/>", { "Content-Type": "image/svg+xml" });
    expect(svg.status).toBe(415);
    const short = await put(upload.url, uploadId, new Uint8Array(4), upload.headers);
    expect(short.status).toBe(400);
    expect((await short.json()).error.message).toContain("started for 10 bytes but 4 arrived");
    expect(await getStorage().get(`originals/${uploadId}`)).toBeNull();
  });
});
