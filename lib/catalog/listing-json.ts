import { z } from "zod";

import type { PublicProduct } from "./get-public-product";
import type { listSellerListings } from "./list-seller-listings";
import type { ListingDetail } from "./listing-detail";
import { ZCreateListing, ZUpdateListing } from "./product-input";

// The REST API speaks the design's snake_case JSON.
const imageJson = (i: {
  key: string;
  width: number;
  height: number;
  variants: { key: string; width: number; height: number }[];
}) => ({
  url: `/media/${i.key}`,
  width: i.width,
  height: i.height,
  variants: i.variants.map((v) => ({ url: `/media/${v.key}`, width: v.width, height: v.height })),
});

export function publicProductJson(p: PublicProduct) {
  return {
    product_id: p.id,
    title: p.title,
    description: p.description,
    price: { amount_cents: p.priceCents, currency: p.currency },
    category: { id: p.category.id, name: p.category.name, path: p.category.path },
    attributes: p.attributes,
    seller: {
      seller_id: p.seller.id,
      shop_name: p.seller.shopName,
      slug: p.seller.slug,
      rating_avg: p.seller.ratingAvg,
      rating_count: p.seller.ratingCount,
    },
    images: p.images.map(imageJson),
    rating_avg: p.ratingAvg,
    review_count: p.reviewCount,
    inventory_status: p.inventoryStatus,
    inventory_count: p.inventoryCount,
  };
}

export function sellerListingJson(l: ListingDetail) {
  return {
    product_id: l.id,
    seller_id: l.sellerId,
    title: l.title,
    description: l.description,
    category_id: l.categoryId,
    price: { amount_cents: l.priceCents, currency: l.currency },
    inventory_count: l.inventoryCount,
    low_stock_threshold: l.lowStockThreshold,
    status: l.status,
    status_reason: l.statusReason,
    shipping_profile_id: l.shippingProfileId,
    attributes: l.attributes,
    images: l.images.map((i) => ({ upload_id: i.uploadId, ...imageJson(i) })),
    created_at: l.createdAt.toISOString(),
    updated_at: l.updatedAt.toISOString(),
  };
}

/** GET /sellers/{id}/products: one page of the seller's own listings. */
export function sellerListingsPageJson(r: Awaited<ReturnType<typeof listSellerListings>>, page: number) {
  return {
    results: r.rows.map((l) => ({
      product_id: l.id,
      title: l.title,
      status: l.status,
      status_reason: l.statusReason,
      price: { amount_cents: l.priceCents, currency: l.currency },
      inventory_count: l.inventoryCount,
    })),
    total: r.total,
    next_page: page * 25 < r.total ? page + 1 : null,
  };
}

/** Accepts the API's snake_case body (and camelCase) for listing fields; anything but an object is left for the schema to refuse. */
export function listingInputFromJson(body: unknown): unknown {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return body;
  const b = body as Record<string, unknown>;
  const price = b.price as { amount_cents?: unknown; currency?: unknown } | undefined;
  const out: Record<string, unknown> = {};
  const pick = (camel: string, ...keys: unknown[]) => {
    const v = keys.find((k) => k !== undefined);
    if (v !== undefined) out[camel] = v;
  };
  pick("title", b.title);
  pick("description", b.description);
  pick("categoryId", b.category_id, b.categoryId);
  pick("priceCents", b.price_cents, b.priceCents, price?.amount_cents);
  pick("currency", b.currency, price?.currency);
  pick("inventoryCount", b.inventory_count, b.inventoryCount);
  pick("attributes", b.attributes);
  pick("images", b.images);
  pick("shippingProfileId", b.shipping_profile_id, b.shippingProfileId);
  pick("draft", b.draft);
  pick("options", b.options);
  pick("variants", Array.isArray(b.variants) ? b.variants.map(variantInputFromJson) : b.variants);
  return out;
}

function variantInputFromJson(v: unknown): unknown {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return v;
  const b = v as Record<string, unknown>;
  const price = b.price as { amount_cents?: unknown } | undefined;
  return {
    options: b.options,
    sku: b.sku,
    priceCents: b.price_cents ?? b.priceCents ?? price?.amount_cents,
    inventoryCount: b.inventory_count ?? b.inventoryCount,
    imageId: b.image_upload_id ?? b.imageId,
  };
}

// The listing bodies are the domain's schemas behind the snake_case mapping, so the document
// and every validation message are the domain's own (the OpenAPI document shows the schema
// after the mapping: zod renders a preprocess by its output side).
export const ZCreateListingJson = z.preprocess(listingInputFromJson, ZCreateListing).meta({ title: "Listing" });
export const ZUpdateListingJson = z.preprocess(listingInputFromJson, ZUpdateListing).meta({ title: "Listing" });
