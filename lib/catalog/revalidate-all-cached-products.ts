import "server-only";

import { revalidatePath } from "next/cache";

import { CACHED_PRODUCT_PREFIX } from "./cached-page-route";

/** Drops every cached product page (a whole shop changed, e.g. suspended): rare, so all of them. */
export function revalidateAllCachedProducts(): void {
  revalidatePath(`${CACHED_PRODUCT_PREFIX}[productId]`, "page");
}
