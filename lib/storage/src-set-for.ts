import type { ObjectStorage } from "./object-storage";
import type { ImageVariant } from "./write-image-variants";

/** The `srcset` attribute for an image's variants, narrowest first. */
export function srcSetFor(variants: readonly ImageVariant[], storage: Pick<ObjectStorage, "publicUrl">): string {
  return [...variants]
    .sort((a, b) => a.width - b.width)
    .map((v) => `${storage.publicUrl(v.key)} ${v.width}w`)
    .join(", ");
}
