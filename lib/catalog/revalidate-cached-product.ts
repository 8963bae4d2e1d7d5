import "server-only";

import { pathTag, revalidateTags } from "@/lib/cache/revalidate-tags";

import { CACHED_PRODUCT_PREFIX } from "./cached-page-route";
import { productCacheTag } from "./product-cache-tag";

/**
 * Drops what is cached about a listing after a change (an edit, a price, stock, rating or
 * status change, a moderation decision): its read model (`product:<id>`) and the signed-out
 * visitors' page, in every web process, whether the change was made in a web process or in
 * the worker; both are built afresh on the next visit.
 */
export async function revalidateCachedProduct(productId: string): Promise<void> {
  await revalidateTags([productCacheTag(productId), pathTag(`${CACHED_PRODUCT_PREFIX}${productId}`)]);
}
