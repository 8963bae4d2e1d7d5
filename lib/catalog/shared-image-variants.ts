import "server-only";

import { variantKey } from "@/lib/storage/variant-key";
import { IMAGE_VARIANT_WIDTHS } from "@/lib/storage/write-image-variants";

import type { ImageVariantRef } from "./product-summary";

/**
 * The variants of a product image whose upload row belongs to another listing (the demo
 * catalogue shares its pool images; upload_id is unique), read from its file's key: the variant
 * files sit beside it (`images/<upload>/<width>.webp`), one per width up to its own. Without
 * them a card would load the 1280 px file. A key of another shape gets just itself.
 */
export function sharedImageVariants(image: { key: string; width: number; height: number }): ImageVariantRef[] {
  const m = /^images\/([^/]+)\/(\d+)\.webp$/.exec(image.key);
  if (!m || Number(m[2]) !== image.width) return [image];
  const smaller = IMAGE_VARIANT_WIDTHS.filter((w) => w < image.width).map((w) => ({
    width: w,
    height: Math.round((image.height * w) / image.width),
    key: variantKey(m[1], w),
  }));
  return [...smaller, image];
}
