import type { Prisma } from "@/lib/generated/prisma/client";

import { sharedImageVariants } from "./shared-image-variants";

export type ImageVariantRef = { width: number; height: number; key: string };

export type ProductSummary = {
  id: string;
  title: string;
  priceCents: number;
  currency: string;
  ratingAvg: number;
  reviewCount: number;
  inventoryCount: number;
  shopName: string;
  image: { key: string; width: number; height: number; variants: ImageVariantRef[] } | null;
};

/** The columns a product card needs, for findMany({ select }). */
export const PRODUCT_SUMMARY_SELECT = {
  id: true,
  title: true,
  priceCents: true,
  currency: true,
  ratingAvg: true,
  reviewCount: true,
  inventoryCount: true,
  seller: { select: { shopName: true } },
  images: {
    orderBy: { position: "asc" },
    take: 1,
    select: { s3Key: true, width: true, height: true, upload: { select: { variants: true } } },
  },
} satisfies Prisma.ProductSelect;

type Row = Prisma.ProductGetPayload<{ select: typeof PRODUCT_SUMMARY_SELECT }>;

export function toProductSummary(row: Row): ProductSummary {
  const img = row.images[0];
  return {
    id: row.id,
    title: row.title,
    priceCents: row.priceCents,
    currency: row.currency,
    ratingAvg: row.ratingAvg,
    reviewCount: row.reviewCount,
    inventoryCount: row.inventoryCount,
    shopName: row.seller.shopName,
    image: img
      ? {
          key: img.s3Key,
          width: img.width,
          height: img.height,
          variants:
            (img.upload?.variants as ImageVariantRef[] | undefined) ??
            sharedImageVariants({ key: img.s3Key, width: img.width, height: img.height }),
        }
      : null,
  };
}
