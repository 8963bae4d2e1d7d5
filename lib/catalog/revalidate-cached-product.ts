import "server-only";

import { revalidatePath } from "next/cache";

import { CACHED_PRODUCT_PREFIX } from "./cached-page-route";

/**
 * Drops the signed-out visitors' cached page of a listing after a change made in this server
 * (an edit, a status change, a moderation decision), so it is rendered afresh on the next visit.
 * Changes made elsewhere (the worker) reach it within the page's revalidate period.
 */
export function revalidateCachedProduct(productId: string): void {
  revalidatePath(`${CACHED_PRODUCT_PREFIX}${productId}`);
}
