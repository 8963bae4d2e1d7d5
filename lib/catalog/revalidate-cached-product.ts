import "server-only";

import { pathTag, revalidateTags } from "@/lib/cache/revalidate-tags";

import { CACHED_PRODUCT_PREFIX } from "./cached-page-route";

/**
 * Drops the signed-out visitors' cached page of a listing after a change (an edit, a status
 * change, a moderation decision, a new rating), in every web process, whether the change was
 * made in a web process or in the worker; it is rendered afresh on the next visit.
 */
export async function revalidateCachedProduct(productId: string): Promise<void> {
  await revalidateTags([pathTag(`${CACHED_PRODUCT_PREFIX}${productId}`)]);
}
