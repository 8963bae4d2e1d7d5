/**
 * The cache tag of everything cached about one listing (its read model and its cached page):
 * revalidated wherever the listing, its stock, price, rating or moderation state change.
 */
export function productCacheTag(productId: string): string {
  return `product:${productId}`;
}
