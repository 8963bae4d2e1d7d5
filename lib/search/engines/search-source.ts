import "server-only";

import { db } from "@/lib/db/client";

/** One product as the product_search_source view describes it (the input of every engine's documents). */
export type SearchSourceRow = {
  product_id: string;
  seller_id: string;
  category_id: number;
  category_paths: string[];
  category_names: string;
  title: string;
  description: string;
  attribute_pairs: string[];
  attribute_text: string;
  shop_name: string;
  price_cents: number;
  currency: string;
  rating_avg: number;
  review_count: number;
  seller_rating: number;
  seller_fulfilment_hours: number | null;
  in_stock: boolean;
  fraud_score: number;
  published_at: Date;
  sellable: boolean;
};

const MAX_DESCRIPTION = 2000;

/** The source rows of these products (existing ones only; sellable or not). */
export async function loadSearchSource(productIds: string[]): Promise<SearchSourceRow[]> {
  if (productIds.length === 0) return [];
  return db().$queryRaw<SearchSourceRow[]>`
    SELECT product_id::text AS product_id, seller_id::text AS seller_id, category_id, category_paths, category_names, title,
           left(description, ${MAX_DESCRIPTION}) AS description, attribute_pairs, attribute_text, shop_name, price_cents,
           currency::text AS currency, rating_avg, review_count, seller_rating, seller_fulfilment_hours, in_stock,
           fraud_score, published_at, sellable
      FROM product_search_source WHERE product_id = ANY(${productIds}::uuid[])`;
}

/** Sellable products after `afterId` in id order, for a full rebuild in batches. */
export async function loadSellableSourceBatch(afterId: string, limit: number): Promise<SearchSourceRow[]> {
  return db().$queryRaw<SearchSourceRow[]>`
    SELECT product_id::text AS product_id, seller_id::text AS seller_id, category_id, category_paths, category_names, title,
           left(description, ${MAX_DESCRIPTION}) AS description, attribute_pairs, attribute_text, shop_name, price_cents,
           currency::text AS currency, rating_avg, review_count, seller_rating, seller_fulfilment_hours, in_stock,
           fraud_score, published_at, sellable
      FROM product_search_source WHERE product_id > ${afterId}::uuid AND sellable
     ORDER BY product_id LIMIT ${limit}`;
}
