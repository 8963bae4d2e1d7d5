import "server-only";

import type { z } from "zod";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { JOBS } from "@/lib/jobs/queues";
import { recordOutboxEvent } from "@/lib/outbox/record-outbox-event";
import { assertListingProfile } from "@/lib/shipping/assert-listing-profile";

import { assertCanPublish } from "./assert-can-publish";
import { ZCreateListing } from "./product-input";
import { replaceListingImages } from "./replace-listing-images";
import { replaceListingVariants } from "./replace-listing-variants";

/** Creates a listing for a seller: a draft, or (by default) submitted for review. */
export async function createListing(opts: {
  sellerId: string;
  actorId: string;
  input: z.input<typeof ZCreateListing>;
}): Promise<{ productId: string; status: "draft" | "pending_review" }> {
  const input = parseInput(ZCreateListing, opts.input);
  const { draft, images, attributes, options, variants, ...rest } = input;
  // A listing with variants keeps its stock on them and is priced by the lowest of them.
  const hasVariants = variants.length > 0;
  const fields = {
    ...rest,
    priceCents: hasVariants ? Math.min(...variants.map((v) => v.priceCents)) : rest.priceCents!,
    inventoryCount: hasVariants ? 0 : rest.inventoryCount,
  };
  return db().$transaction(async (tx) => {
    const category = await tx.category.findUnique({ where: { id: fields.categoryId }, select: { id: true } });
    if (!category)
      throw new AppError("validation_failed", "Choose a category from the list.", {
        fields: { categoryId: "unknown category" },
      });
    await assertListingProfile(tx, {
      sellerId: opts.sellerId,
      profileId: fields.shippingProfileId,
      currency: fields.currency,
    });
    const status = draft ? "draft" : "pending_review";
    if (status === "pending_review") await assertCanPublish(tx, opts.sellerId);
    const product = await tx.product.create({
      data: {
        ...fields,
        sellerId: opts.sellerId,
        status,
        attributes: { create: Object.entries(attributes).map(([key, value]) => ({ key, value })) },
      },
      select: { id: true },
    });
    if (fields.inventoryCount > 0) {
      await tx.inventoryAdjustment.create({
        data: {
          productId: product.id,
          actorId: opts.actorId,
          delta: fields.inventoryCount,
          resultingCount: fields.inventoryCount,
          reason: "initial",
        },
      });
    }
    await replaceListingImages(tx, { productId: product.id, userId: opts.actorId, uploadIds: images });
    if (hasVariants)
      await replaceListingVariants(tx, {
        productId: product.id,
        sellerId: opts.sellerId,
        actorId: opts.actorId,
        options,
        variants,
      });
    await recordOutboxEvent(tx, { aggregateType: "product", aggregateId: product.id, eventType: "product.created" });
    if (status === "pending_review")
      await enqueueJob({ name: JOBS.moderateListing, data: { productId: product.id }, tx });
    return { productId: product.id, status };
  });
}
