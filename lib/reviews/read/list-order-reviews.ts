import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { ReviewStatus } from "@/lib/generated/prisma/enums";
import { getStorage } from "@/lib/storage/get-storage";
import type { ObjectStorage } from "@/lib/storage/object-storage";

import { reviewEligibility, type ReviewEligibility } from "../review-rules";

type Variant = { width: number; height: number; key: string };

export type OrderItemReview = {
  orderItemId: string;
  productId: string;
  productTitle: string;
  review: {
    id: string;
    rating: number;
    title: string;
    body: string;
    status: ReviewStatus;
    createdAt: Date;
    editableUntil: Date;
    canEdit: boolean;
    /** In the image uploader's shape, so the edit form starts with them. */
    images: { uploadId: string; url: string; width: number; height: number }[];
  } | null;
};

export type OrderReviews = { orderId: string; eligibility: ReviewEligibility; items: OrderItemReview[] };

/** The buyer's own order as the review prompt needs it: whether it can be reviewed, and each item's review. */
export async function listOrderReviews(opts: {
  orderId: string;
  buyerId: string;
  now?: Date;
  storage?: Pick<ObjectStorage, "publicUrl">;
}): Promise<OrderReviews> {
  const now = opts.now ?? new Date();
  const order = await db().order.findFirst({
    where: { id: opts.orderId, buyerId: opts.buyerId },
    select: {
      id: true,
      status: true,
      deliveredAt: true,
      completedAt: true,
      items: {
        orderBy: { id: "asc" },
        select: {
          id: true,
          productId: true,
          titleSnapshot: true,
          review: {
            select: {
              id: true,
              rating: true,
              title: true,
              body: true,
              status: true,
              createdAt: true,
              editableUntil: true,
              images: {
                orderBy: { position: "asc" },
                select: { uploadId: true, upload: { select: { variants: true, width: true, height: true } } },
              },
            },
          },
        },
      },
    },
  });
  if (!order) throw new AppError("not_found", "Order not found.");
  const storage = opts.storage ?? getStorage();
  return {
    orderId: order.id,
    eligibility: reviewEligibility(order, now),
    items: order.items.map((i) => ({
      orderItemId: i.id,
      productId: i.productId,
      productTitle: i.titleSnapshot,
      review: i.review
        ? {
            id: i.review.id,
            rating: i.review.rating,
            title: i.review.title,
            body: i.review.body,
            status: i.review.status,
            createdAt: i.review.createdAt,
            editableUntil: i.review.editableUntil,
            canEdit: i.review.status === "visible" && now.getTime() <= i.review.editableUntil.getTime(),
            images: i.review.images.flatMap((img) => {
              const thumb = [...((img.upload.variants as Variant[]) ?? [])].sort((a, b) => a.width - b.width)[0];
              return thumb
                ? [
                    {
                      uploadId: img.uploadId,
                      url: storage.publicUrl(thumb.key),
                      width: img.upload.width ?? thumb.width,
                      height: img.upload.height ?? thumb.height,
                    },
                  ]
                : [];
            }),
          }
        : null,
    })),
  };
}
