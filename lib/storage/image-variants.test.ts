import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import sharp, { type Sharp } from "sharp";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { createLocalDiskStorage } from "./local-disk-storage";
import type { ObjectStorage } from "./object-storage";
import { srcSetFor } from "./src-set-for";
import { variantKey } from "./variant-key";
import { IMAGE_VARIANT_WIDTHS, writeImageVariants } from "./write-image-variants";

let root: string;
let storage: ObjectStorage;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "image-variants-"));
  storage = createLocalDiskStorage({ rootDir: root });
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function png(width: number, height: number): Sharp {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } }).png();
}

function isWebp(body: Buffer): boolean {
  return body.subarray(0, 4).toString("ascii") === "RIFF" && body.subarray(8, 12).toString("ascii") === "WEBP";
}

describe("writeImageVariants", () => {
  it("writes one WebP per width, keeping the aspect ratio", async () => {
    const input = await png(2000, 1000).toBuffer();
    const result = await writeImageVariants({ storage, uploadId: "u1", input });

    expect(result.width).toBe(2000);
    expect(result.height).toBe(1000);
    expect(result.variants).toEqual([
      { width: 320, height: 160, key: "images/u1/320.webp" },
      { width: 640, height: 320, key: "images/u1/640.webp" },
      { width: 1280, height: 640, key: "images/u1/1280.webp" },
    ]);
    for (const v of result.variants) {
      const stored = await storage.get(v.key);
      expect(stored?.contentType).toBe("image/webp");
      expect(isWebp(stored!.body)).toBe(true);
      const meta = await sharp(stored!.body).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(["webp", v.width, v.height]);
    }
  });

  it("never enlarges: a narrow source gets only the widths it can fill, plus its own", async () => {
    const input = await png(500, 400).toBuffer();
    const result = await writeImageVariants({ storage, uploadId: "u2", input });
    expect(result.variants.map((v) => [v.width, v.height])).toEqual([
      [320, 256],
      [500, 400],
    ]);
    expect(result.variants.every((v) => v.width <= 500)).toBe(true);
  });

  it("writes a single variant for a source narrower than every width", async () => {
    const input = await png(120, 90).toBuffer();
    const result = await writeImageVariants({ storage, uploadId: "u3", input });
    expect(result.variants).toEqual([{ width: 120, height: 90, key: "images/u3/120.webp" }]);
  });

  it("strips EXIF and other metadata", async () => {
    const input = await png(800, 600)
      .jpeg()
      .withMetadata({ exif: { IFD0: { Copyright: "secret-owner", Artist: "someone" } } })
      .toBuffer();
    expect((await sharp(input).metadata()).exif).toBeDefined();

    const result = await writeImageVariants({ storage, uploadId: "u4", input });
    for (const v of result.variants) {
      const meta = await sharp((await storage.get(v.key))!.body).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.icc).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
    }
  });

  it("turns an image upright from its EXIF orientation", async () => {
    // Stored 600×300 but tagged "rotate 90° clockwise", so it is displayed 300×600.
    const input = await png(600, 300).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const result = await writeImageVariants({ storage, uploadId: "u5", input });
    expect([result.width, result.height]).toEqual([300, 600]);
    expect(result.variants.map((v) => [v.width, v.height])).toEqual([[300, 600]]);
    const meta = await sharp((await storage.get(result.variants[0].key))!.body).metadata();
    expect([meta.width, meta.height, meta.orientation]).toEqual([300, 600, undefined]);
  });

  it("refuses bytes that are not a raster image", async () => {
    await expect(
      writeImageVariants({ storage, uploadId: "u6", input: Buffer.from("<html>not an image</html>") }),
    ).rejects.toMatchObject({
      code: "unsupported_media_type",
    });
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><rect width="400" height="400"/></svg>',
    );
    await expect(writeImageVariants({ storage, uploadId: "u7", input: svg })).rejects.toMatchObject({
      code: "unsupported_media_type",
    });
    expect(await storage.get("images/u6/320.webp")).toBeNull();
    expect(await storage.get("images/u7/320.webp")).toBeNull();
  });
});

describe("variant keys and srcset", () => {
  it("names variants by upload and width", () => {
    expect(variantKey("abc", 640)).toBe("images/abc/640.webp");
    expect(IMAGE_VARIANT_WIDTHS).toEqual([320, 640, 1280]);
  });

  it("lists variants narrowest first with their widths", () => {
    const srcSet = srcSetFor(
      [
        { width: 1280, height: 640, key: "images/a/1280.webp" },
        { width: 320, height: 160, key: "images/a/320.webp" },
      ],
      storage,
    );
    expect(srcSet).toBe("/media/images/a/320.webp 320w, /media/images/a/1280.webp 1280w");
  });
});
