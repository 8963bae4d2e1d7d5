import "server-only";

import { revalidateTag } from "next/cache";

import { productCacheTag } from "./product-cache-tag";

/**
 * Marks what is cached about these listings stale after their stock changed in this server (a
 * checkout's reservation). Stale, not expired: the cached page shows the count only until the
 * browser fetches the live one, so during a flash sale visitors keep getting the cached page
 * while it is rebuilt in the background instead of each waiting for a render.
 */
export function revalidateProductStock(productIds: string[]): void {
  for (const id of productIds) revalidateTag(productCacheTag(id), "max");
}
