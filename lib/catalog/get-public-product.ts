import "server-only";

import { cache } from "react";
import { z } from "zod";

import { db } from "@/lib/db/client";
import { readDb } from "@/lib/db/read-db";

import { inventoryStatus, type InventoryStatus } from "./inventory-status";
import type { ListingImage } from "./listing-detail";

/** One buyable combination of a listing with variants; imageId is one of the listing's images. */
export type PublicVariant = {
  id: string;
  sku: string;
  options: string[];
  label: string;
  priceCents: number;
  inventoryCount: number;
  imageId: string | null;
};

export type PublicProduct = {
  id: string;
  title: string;
  description: string;
  priceCents: number;
  currency: string;
  category: { id: number; name: string; slug: string; path: string };
  attributes: Record<string, string>;
  images: ListingImage[];
  seller: { id: string; shopName: string; slug: string; ratingAvg: number; ratingCount: number; memberSince: string };
  ratingAvg: number;
  reviewCount: number;
  ratingHistogram: number[];
  publishedAt: string | null;
  inventoryCount: number;
  inventoryStatus: InventoryStatus;
  lowStockThreshold: number;
  /** Empty for a listing without variants; else its options and every variant, in the seller's order. */
  options: { name: string; values: string[] }[];
  variants: PublicVariant[];
};

const ISO = 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"';

// Everything the product page shows, in one statement (Prisma's nested select is six, two of
// them `IN (NULL)` when images share an upload), as JSON in the page's own shape.
// An image without an upload of its own (the demo and catalogue seeds share one upload's
// files between many listings) takes its variants from the upload its key names, so every
// slot gets a variant of its width rather than the largest file.
const load = async (productId: string, from: "primary" | "replica"): Promise<PublicProduct | null> => {
  const client = from === "replica" ? readDb() : db();
  const rows = await client.$queryRaw<{ product: Omit<PublicProduct, "inventoryStatus"> }[]>`
    SELECT json_build_object(
       'id', p.id, 'title', p.title, 'description', p.description, 'priceCents', p.price_cents, 'currency', p.currency,
       'category', json_build_object('id', c.id, 'name', c.name, 'slug', c.slug, 'path', c.path),
       'attributes', coalesce((SELECT json_object_agg(a.attribute_key, a.attribute_value ORDER BY a.attribute_key)
                                 FROM product_attributes a WHERE a.product_id = p.id), '{}'::json),
       'images', coalesce((SELECT json_agg(json_build_object(
                                    'id', i.id, 'uploadId', i.upload_id, 'key', i.s3_key, 'width', i.width, 'height', i.height,
                                    'variants', CASE WHEN jsonb_array_length(coalesce(u.variants, '[]'::jsonb)) > 0 THEN u.variants
                                                     ELSE jsonb_build_array(jsonb_build_object('key', i.s3_key, 'width', i.width, 'height', i.height)) END)
                                  ORDER BY i.position)
                             FROM product_images i
                             LEFT JOIN uploads u ON u.id = coalesce(i.upload_id,
                                  substring(i.s3_key FROM '^images/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/')::uuid)
                            WHERE i.product_id = p.id), '[]'::json),
       'seller', json_build_object('id', s.id, 'shopName', s.shop_name, 'slug', s.slug, 'ratingAvg', s.rating_avg,
                                   'ratingCount', s.rating_count, 'memberSince', to_char(s.created_at, ${ISO})),
       'ratingAvg', p.rating_avg, 'reviewCount', p.review_count, 'ratingHistogram', p.rating_histogram,
       'publishedAt', to_char(p.published_at, ${ISO}),
       'inventoryCount', p.inventory_count, 'lowStockThreshold', p.low_stock_threshold,
       'options', coalesce((SELECT json_agg(json_build_object('name', o.name, 'values', o.values) ORDER BY o.position)
                              FROM product_options o WHERE o.product_id = p.id), '[]'::json),
       'variants', coalesce((SELECT json_agg(json_build_object(
                                     'id', v.id, 'sku', v.sku, 'options', v.option_values, 'label', v.label,
                                     'priceCents', v.price_cents, 'inventoryCount', v.inventory_count, 'imageId', v.image_id)
                                   ORDER BY v.position)
                              FROM product_variants v WHERE v.product_id = p.id), '[]'::json)) AS product
       FROM products p
       JOIN seller_profiles s ON s.id = p.seller_id
       JOIN categories c ON c.id = p.category_id
      WHERE p.id = ${productId}::uuid AND p.status = 'active' AND s.status = 'active'`;
  const p = rows[0]?.product;
  if (!p) return null;
  return { ...p, inventoryStatus: inventoryStatus(p.inventoryCount, p.lowStockThreshold) };
};

/**
 * A live listing for buyers, or null. One statement, and one per render however many parts of
 * the page (metadata, the page) ask for it. From the primary by default: read fresh (stock
 * included), and what its seller just changed. `replica` is for the read model every signed-out
 * visitor shares (getCachedPublicProduct), rebuilt only once the replicas have the change.
 */
export const getPublicProduct = cache(
  async (productId: string, from: "primary" | "replica" = "primary"): Promise<PublicProduct | null> => {
    if (!z.uuid().safeParse(productId).success) return null;
    return load(productId, from);
  },
);
