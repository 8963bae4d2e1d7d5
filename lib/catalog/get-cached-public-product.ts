import "server-only";

import { cache } from "react";
import { z } from "zod";

import { cached } from "@/lib/cache/cached";

import { getPublicProduct, type PublicProduct } from "./get-public-product";
import { productCacheTag } from "./product-cache-tag";

// Matches the cached page's own revalidate period: a change made where no tag revalidation
// reaches (the worker, until the page cache is shared) still shows within 15 s.
const REVALIDATE_S = 15;

/**
 * A live listing for the page served to every signed-out visitor: from Next's data cache,
 * tagged with the product, so the page that used it is tagged too and both drop at once when
 * the listing changes (revalidateCachedProduct). Its stock may be a few seconds old: the page
 * fetches the current count in the browser.
 */
export const getCachedPublicProduct = cache(async (productId: string): Promise<PublicProduct | null> => {
  if (!z.uuid().safeParse(productId).success) return null;
  return cached((id: string) => getPublicProduct(id, "replica"), ["public-product-v3"], {
    revalidate: REVALIDATE_S,
    tags: [productCacheTag(productId)],
  })(productId);
});
