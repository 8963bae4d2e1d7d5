import type { PublicProduct } from "./get-public-product";
import type { ListingDetail } from "./listing-detail";

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
    attributes: l.attributes,
    images: l.images.map((i) => ({ upload_id: i.uploadId, ...imageJson(i) })),
    created_at: l.createdAt.toISOString(),
    updated_at: l.updatedAt.toISOString(),
  };
}

/** Accepts the API's snake_case body (and camelCase) for listing fields. */
export function listingInputFromJson(body: Record<string, unknown>): Record<string, unknown> {
  const price = body.price as { amount_cents?: unknown; currency?: unknown } | undefined;
  const out: Record<string, unknown> = {};
  const pick = (camel: string, ...keys: unknown[]) => {
    const v = keys.find((k) => k !== undefined);
    if (v !== undefined) out[camel] = v;
  };
  pick("title", body.title);
  pick("description", body.description);
  pick("categoryId", body.category_id, body.categoryId);
  pick("priceCents", body.price_cents, body.priceCents, price?.amount_cents);
  pick("currency", body.currency, price?.currency);
  pick("inventoryCount", body.inventory_count, body.inventoryCount);
  pick("attributes", body.attributes);
  pick("images", body.images);
  pick("draft", body.draft);
  return out;
}
