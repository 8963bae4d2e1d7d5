import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

import sharp from "sharp";

/**
 * Real PNG photos for upload tests, written under test-results/. Each is a different picture (a
 * random 9×8 grid of colours scaled up), as each seller's own photo would be: moderation flags a
 * photo another shop already lists (lib/fraud/listings), by its bytes and by its perceptual hash.
 */
export async function makeImages(count: number): Promise<string[]> {
  const dir = join("test-results", "upload-fixtures");
  mkdirSync(dir, { recursive: true });
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const file = join(dir, `photo-${i + 1}-${randomBytes(3).toString("hex")}.png`);
      await sharp(randomBytes(9 * 8 * 3), { raw: { width: 9, height: 8, channels: 3 } })
        .resize(900, 700, { kernel: "nearest" })
        .png()
        .toFile(file);
      return file;
    }),
  );
}
