import type { Prisma } from "@/lib/generated/prisma/client";

import type { ImageVariantRef } from "./product-summary";
import { sharedImageVariants } from "./shared-image-variants";

export const LISTING_DETAIL_SELECT = {
  id: true,
  sellerId: true,
  title: true,
  description: true,
  categoryId: true,
  priceCents: true,
  currency: true,
  inventoryCount: true,
  lowStockThreshold: true,
  status: true,
  statusReason: true,
  isHot: true,
  shippingProfileId: true,
  ratingAvg: true,
  reviewCount: true,
  ratingHistogram: true,
  publishedAt: true,
  createdAt: true,
  updatedAt: true,
  category: { select: { id: true, name: true, slug: true, path: true } },
  attributes: { orderBy: { key: "asc" }, select: { key: true, value: true } },
  options: { orderBy: { position: "asc" }, select: { name: true, values: true } },
  variants: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      sku: true,
      optionValues: true,
      label: true,
      priceCents: true,
      inventoryCount: true,
      image: { select: { uploadId: true } },
    },
  },
  images: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      uploadId: true,
      s3Key: true,
      width: true,
      height: true,
      position: true,
      upload: { select: { variants: true } },
    },
  },
  seller: { select: { id: true, shopName: true, slug: true, ratingAvg: true, ratingCount: true, createdAt: true } },
} satisfies Prisma.ProductSelect;

type Row = Prisma.ProductGetPayload<{ select: typeof LISTING_DETAIL_SELECT }>;

export type ListingImage = {
  id: string;
  uploadId: string | null;
  key: string;
  width: number;
  height: number;
  variants: ImageVariantRef[];
};

export type ListingDetail = Omit<Row, "attributes" | "images"> & {
  attributes: Record<string, string>;
  images: ListingImage[];
};

export function toListingDetail(row: Row): ListingDetail {
  return {
    ...row,
    attributes: Object.fromEntries(row.attributes.map((a) => [a.key, a.value])),
    images: row.images.map((i) => ({
      id: i.id,
      uploadId: i.uploadId,
      key: i.s3Key,
      width: i.width,
      height: i.height,
      variants:
        (i.upload?.variants as ImageVariantRef[] | undefined) ??
        sharedImageVariants({ key: i.s3Key, width: i.width, height: i.height }),
    })),
  };
}
