import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32 } from "node:zlib";

import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { createLocalDiskStorage } from "@/lib/storage/local-disk-storage";
import type { ObjectStorage } from "@/lib/storage/object-storage";
import { variantKey } from "@/lib/storage/variant-key";
import { IMAGE_VARIANT_WIDTHS, type ImageVariant } from "@/lib/storage/write-image-variants";
import { createUser } from "@/test/factories";

import { processUpload } from "./process-upload";

let root: string;
let storage: ObjectStorage;
let userId: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "process-upload-"));
  storage = createLocalDiskStorage({ rootDir: join(root, "uploads") });
  userId = (await createUser(db())).id;
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** An upload whose PUT and complete already happened: the row is "uploaded" and the original stored. */
async function uploaded(body: Buffer, contentType = "image/jpeg", status: "uploaded" | "pending" = "uploaded") {
  const id = randomUUID();
  const originalKey = `originals/${id}`;
  await storage.put(originalKey, body, contentType);
  await db().upload.create({
    data: { id, userId, purpose: "product_image", status, contentType, byteSize: body.length, originalKey },
  });
  return { id, originalKey };
}

const row = (id: string) => db().upload.findUniqueOrThrow({ where: { id } });

function photo(width: number, height: number) {
  return sharp({ create: { width, height, channels: 3, background: { r: 30, g: 120, b: 200 } } });
}

/** A valid PNG whose header claims 30000×30000 (CRC fixed up): a decompression bomb's calling card. */
async function bombPng(): Promise<Buffer> {
  const png = Buffer.from(await photo(4, 4).png().toBuffer());
  png.writeUInt32BE(30_000, 16);
  png.writeUInt32BE(30_000, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)) >>> 0, 29);
  return png;
}

async function expectRejected(id: string, originalKey: string, reason: string) {
  expect(await processUpload(id, { storage })).toBe("rejected");
  const u = await row(id);
  expect(u.status).toBe("rejected");
  expect(u.rejectReason).toBe(reason);
  expect(u.variants).toEqual([]);
  expect([u.width, u.height]).toEqual([null, null]);
  for (const w of [...IMAGE_VARIANT_WIDTHS, 4, 100]) expect(await storage.get(variantKey(id, w))).toBeNull();
  expect(existsSync(join(root, "uploads/images", id))).toBe(false);
  // The refused file itself is not kept.
  expect(await storage.get(originalKey)).toBeNull();
}

describe("processUpload", () => {
  it("turns a 2000-px JPEG with EXIF into three metadata-free WebP variants with their sizes", async () => {
    const jpeg = await photo(2000, 1500)
      .jpeg()
      .withMetadata({ exif: { IFD0: { Copyright: "owner", Artist: "someone" } } })
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const { id, originalKey } = await uploaded(jpeg);

    expect(await processUpload(id, { storage })).toBe("ready");

    const u = await row(id);
    expect(u.status).toBe("ready");
    expect(u.rejectReason).toBeNull();
    expect([u.width, u.height]).toEqual([2000, 1500]);
    const variants = u.variants as ImageVariant[];
    expect(variants).toEqual([
      { width: 320, height: 240, key: variantKey(id, 320) },
      { width: 640, height: 480, key: variantKey(id, 640) },
      { width: 1280, height: 960, key: variantKey(id, 1280) },
    ]);
    for (const v of variants) {
      const stored = await storage.get(v.key);
      expect(stored?.contentType).toBe("image/webp");
      const meta = await sharp(stored!.body).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(["webp", v.width, v.height]);
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(stored!.body.includes(Buffer.from("someone"))).toBe(false);
    }
    // The original is kept for reprocessing, under a prefix /media never serves.
    expect(await storage.get(originalKey)).not.toBeNull();
    expect(originalKey.startsWith("images/")).toBe(false);
  });

  it("processing twice is harmless: the second run changes nothing", async () => {
    const { id } = await uploaded(await photo(700, 700).png().toBuffer(), "image/png");
    expect(await processUpload(id, { storage })).toBe("ready");
    const first = await row(id);
    expect(await processUpload(id, { storage })).toBe("skipped");
    expect(await row(id)).toEqual(first);
    expect((first.variants as ImageVariant[]).map((v) => v.width)).toEqual([320, 640, 700]);
  });

  it("accepts WebP and GIF too", async () => {
    for (const [body, type] of [
      [await photo(400, 300).webp().toBuffer(), "image/webp"],
      [await photo(400, 300).gif().toBuffer(), "image/gif"],
    ] as const) {
      const { id } = await uploaded(body, type);
      expect(await processUpload(id, { storage })).toBe("ready");
      expect((await row(id)).variants).toEqual([
        { width: 320, height: 240, key: variantKey(id, 320) },
        { width: 400, height: 300, key: variantKey(id, 400) },
      ]);
    }
  });

  it("refuses a PHP script renamed shell.jpg by its bytes", async () => {
    const { id, originalKey } = await uploaded(Buffer.from("<?php system($_GET['c']); ?>\n"), "image/jpeg");
    await expectRejected(id, originalKey, "The file is not a JPEG, PNG, WebP or GIF image");
  });

  it("refuses an SVG with a script, even sent as a PNG", async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>alert(document.cookie)</script><rect width="100" height="100"/></svg>',
    );
    const { id, originalKey } = await uploaded(svg, "image/png");
    await expectRejected(id, originalKey, "The file is not a JPEG, PNG, WebP or GIF image");
  });

  it("refuses a 30,000×30,000 PNG from its header, before decoding a pixel", async () => {
    const bomb = await bombPng();
    expect(bomb.length).toBeLessThan(200);
    const { id, originalKey } = await uploaded(bomb, "image/png");
    const started = Date.now();
    await expectRejected(id, originalKey, "The image is too large (30000×30000 pixels); the limit is 40 megapixels");
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("refuses a 60 MB file that reached storage anyway", async () => {
    const big = Buffer.alloc(60 * 1024 * 1024);
    Buffer.from([0xff, 0xd8, 0xff, 0xe0]).copy(big);
    const { id, originalKey } = await uploaded(big);
    await expectRejected(id, originalKey, "Images must be at most 15 MB");
  });

  it("refuses a damaged image whose magic bytes are right", async () => {
    const jpeg = await photo(300, 200).jpeg().toBuffer();
    const { id, originalKey } = await uploaded(jpeg.subarray(0, 40));
    await expectRejected(id, originalKey, "The image could not be read; the file may be damaged or incomplete");
  });

  it("refuses a file whose magic bytes and real format disagree", async () => {
    // PNG signature glued onto a JPEG: neither a PNG nor what it claims to be.
    const jpeg = await photo(300, 200).jpeg().toBuffer();
    const chimera = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), jpeg]);
    const { id, originalKey } = await uploaded(chimera, "image/png");
    expect(await processUpload(id, { storage })).toBe("rejected");
    expect((await row(id)).variants).toEqual([]);
    expect(await storage.get(originalKey)).toBeNull();
  });

  it("rejects an upload whose original is missing", async () => {
    const { id, originalKey } = await uploaded(Buffer.from("x"));
    await storage.delete(originalKey);
    await expectRejected(id, originalKey, "The file never arrived; upload it again");
  });

  it("skips uploads that are not completed yet, unknown or already rejected", async () => {
    const { id } = await uploaded(await photo(400, 300).jpeg().toBuffer(), "image/jpeg", "pending");
    expect(await processUpload(id, { storage })).toBe("skipped");
    expect((await row(id)).status).toBe("pending");
    expect(await processUpload(randomUUID(), { storage })).toBe("skipped");

    const bad = await uploaded(Buffer.from("not an image"));
    expect(await processUpload(bad.id, { storage })).toBe("rejected");
    expect(await processUpload(bad.id, { storage })).toBe("skipped");
  });
});
