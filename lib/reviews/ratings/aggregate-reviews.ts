import "server-only";

import { revalidateCachedProduct } from "@/lib/catalog/revalidate-cached-product";
import { db, type Db } from "@/lib/db/client";

import { recomputeProductRating, type RatingRecompute } from "./recompute-product-rating";
import { recomputeSellerRating } from "./recompute-seller-rating";

/** The aggregate-reviews job: brings a product's and a seller's ratings up to date with their reviews. */
export async function aggregateReviews(
  opts: { productId?: string; sellerId?: string },
  client: Db = db(),
): Promise<{ product: RatingRecompute | null; seller: RatingRecompute | null }> {
  const product = opts.productId ? await recomputeProductRating({ productId: opts.productId }, client) : null;
  const seller = opts.sellerId ? await recomputeSellerRating({ sellerId: opts.sellerId }, client) : null;
  // The product page shows its rating: every web process renders it afresh (this runs in the worker).
  if (opts.productId && product?.changed) await revalidateCachedProduct(opts.productId);
  return { product, seller };
}
