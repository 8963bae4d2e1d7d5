import "server-only";

import { createHash } from "node:crypto";

import sharp from "sharp";

// Two hashes of an uploaded photo: SHA-256 of the bytes finds exact copies; a difference hash
// (dHash) finds the same picture re-encoded, resized or lightly recompressed. dHash is a few
// lines over pixels sharp already decodes (shrink to 9×8 grey, one bit per "left brighter than
// right" pair), so it is written here rather than adding an image-hash package for it.

export async function imageHashes(body: Buffer): Promise<{ sha256: string; dhash: string }> {
  const sha256 = createHash("sha256").update(body).digest("hex");
  const pixels = await sharp(body, { limitInputPixels: false })
    .rotate()
    .greyscale()
    .resize(9, 8, { fit: "fill", kernel: "lanczos3" })
    .raw()
    .toBuffer();
  let bits = 0n;
  for (let y = 0; y < 8; y++)
    for (let x = 0; x < 8; x++) bits = (bits << 1n) | (pixels[y * 9 + x] > pixels[y * 9 + x + 1] ? 1n : 0n);
  return { sha256, dhash: bits.toString(16).padStart(16, "0") };
}

/** Bits that differ between two dHashes: 0 is the same picture, up to about 6 a re-encoded copy. */
export function hammingDistance(a: string, b: string): number {
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let n = 0;
  while (x) {
    n += Number(x & 1n);
    x >>= 1n;
  }
  return n;
}

/** At or under this many differing bits, two photos are taken to be the same picture. */
export const SAME_PHOTO_MAX_DISTANCE = 6;
