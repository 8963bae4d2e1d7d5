import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

import sharp from "sharp";

/** Real PNG photos for upload tests, written under test-results/. */
export async function makeImages(count: number): Promise<string[]> {
  const dir = join("test-results", "upload-fixtures");
  mkdirSync(dir, { recursive: true });
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const file = join(dir, `photo-${i + 1}-${randomBytes(3).toString("hex")}.png`);
      await sharp({
        create: { width: 900, height: 700, channels: 3, background: { r: 40 + i * 60, g: 120, b: 200 - i * 50 } },
      })
        .png()
        .toFile(file);
      return file;
    }),
  );
}
