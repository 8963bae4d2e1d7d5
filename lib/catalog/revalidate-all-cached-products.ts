import "server-only";

import { pathTag, revalidateTags } from "@/lib/cache/revalidate-tags";

import { CACHED_PRODUCT_PREFIX } from "./cached-page-route";

/** Drops every cached product page (a whole shop changed, e.g. suspended): rare, so all of them. */
export async function revalidateAllCachedProducts(): Promise<void> {
  // What revalidatePath(`${CACHED_PRODUCT_PREFIX}[productId]`, "page") expires.
  await revalidateTags([pathTag(`${CACHED_PRODUCT_PREFIX}[productId]/page`)]);
}
