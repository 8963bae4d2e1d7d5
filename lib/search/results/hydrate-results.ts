import "server-only";

import type { ImageVariantRef, ProductSummary } from "@/lib/catalog/product-summary";
import { db } from "@/lib/db/client";

type Row = {
  id: string;
  title: string;
  price_cents: number;
  currency: string;
  rating_avg: number;
  review_count: number;
  inventory_count: number;
  category_id: number;
  shop_name: string;
  image_key: string | null;
  image_width: number | null;
  image_height: number | null;
  image_variants: ImageVariantRef[] | null;
};

/**
 * Card data for one page of hits, read fresh from the catalogue in one query. Re-checks that
 * each listing is still sellable, so a listing suspended a moment ago is dropped even before
 * the indexer has removed it. Returns the sellable ones in the order given.
 */
export async function hydrateResults(
  productIds: string[],
): Promise<Map<string, ProductSummary & { categoryId: number }>> {
  if (productIds.length === 0) return new Map();
  const rows = await db().$queryRaw<Row[]>`
    SELECT p.id::text AS id, p.title, p.price_cents, p.currency::text AS currency, p.rating_avg, p.review_count,
           p.inventory_count, p.category_id, s.shop_name,
           img.s3_key AS image_key, img.width AS image_width, img.height AS image_height, img.variants AS image_variants
      FROM products p
      JOIN seller_profiles s ON s.id = p.seller_id
      JOIN users u ON u.id = s.user_id
      LEFT JOIN LATERAL (
        SELECT i.s3_key, i.width, i.height, up.variants
          FROM product_images i LEFT JOIN uploads up ON up.id = i.upload_id
         WHERE i.product_id = p.id ORDER BY i.position LIMIT 1
      ) img ON true
     WHERE p.id = ANY(${productIds}::uuid[]) AND p.status = 'active' AND s.status = 'active' AND u.status = 'active'`;
  const out = new Map<string, ProductSummary & { categoryId: number }>();
  for (const r of rows) {
    out.set(r.id, {
      id: r.id,
      title: r.title,
      priceCents: r.price_cents,
      currency: r.currency,
      ratingAvg: r.rating_avg,
      reviewCount: r.review_count,
      inventoryCount: r.inventory_count,
      shopName: r.shop_name,
      categoryId: r.category_id,
      image: r.image_key
        ? { key: r.image_key, width: r.image_width ?? 0, height: r.image_height ?? 0, variants: r.image_variants ?? [] }
        : null,
    });
  }
  return out;
}
