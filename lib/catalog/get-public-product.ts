import "server-only";

import { z } from "zod";

import { cached } from "@/lib/cache/cached";
import { db } from "@/lib/db/client";

import { inventoryStatus, type InventoryStatus } from "./inventory-status";
import { LISTING_DETAIL_SELECT, toListingDetail, type ListingImage } from "./listing-detail";

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
};

type CachedBody = Omit<PublicProduct, "inventoryCount" | "inventoryStatus">;

// The listing's content, cached per version (its updated_at): any edit, moderation decision
// or rating change writes a new version, in any process, so no cross-process purge is needed.
const loadBody = cached(
  async (productId: string, _version: string): Promise<CachedBody | null> => {
    const row = await db().product.findUnique({ where: { id: productId }, select: LISTING_DETAIL_SELECT });
    if (!row) return null;
    const d = toListingDetail(row);
    return {
      id: d.id,
      title: d.title,
      description: d.description,
      priceCents: d.priceCents,
      currency: d.currency,
      category: d.category,
      attributes: d.attributes,
      images: d.images,
      seller: {
        id: d.seller.id,
        shopName: d.seller.shopName,
        slug: d.seller.slug,
        ratingAvg: d.seller.ratingAvg,
        ratingCount: d.seller.ratingCount,
        memberSince: d.seller.createdAt.toISOString(),
      },
      ratingAvg: d.ratingAvg,
      reviewCount: d.reviewCount,
      ratingHistogram: d.ratingHistogram,
      publishedAt: d.publishedAt?.toISOString() ?? null,
      lowStockThreshold: d.lowStockThreshold,
    };
  },
  ["public-product-v1"],
  { revalidate: 3600 },
);

/** A live listing for buyers, or null. Stock is always read fresh; the rest is cached. */
export async function getPublicProduct(productId: string): Promise<PublicProduct | null> {
  if (!z.uuid().safeParse(productId).success) return null;
  const head = await db().product.findUnique({
    where: { id: productId },
    select: { status: true, updatedAt: true, inventoryCount: true, seller: { select: { status: true } } },
  });
  if (!head || head.status !== "active" || head.seller.status !== "active") return null;
  const body = await loadBody(productId, head.updatedAt.toISOString());
  if (!body) return null;
  return {
    ...body,
    inventoryCount: head.inventoryCount,
    inventoryStatus: inventoryStatus(head.inventoryCount, body.lowStockThreshold),
  };
}
