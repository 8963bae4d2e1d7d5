import "server-only";

import type { z } from "zod";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { setInventoryCount } from "@/lib/inventory/set-inventory-count";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { JOBS } from "@/lib/jobs/queues";
import { emitDomainEvent } from "@/lib/outbox/emit-domain-event";
import { recordOutboxEvent } from "@/lib/outbox/record-outbox-event";
import { assertListingProfile } from "@/lib/shipping/assert-listing-profile";

import { nextListingStatus } from "./listing-status";
import { ZUpdateListing } from "./product-input";
import { replaceListingImages } from "./replace-listing-images";
import { replaceListingVariants } from "./replace-listing-variants";

// Changing any of these on a live listing sends it back through moderation.
const MATERIAL = ["title", "description", "categoryId", "priceCents", "currency", "images"] as const;

/** Edits a seller's own listing. Another seller's product is "not found". */
export async function updateListing(opts: {
  sellerId: string;
  actorId: string;
  productId: string;
  input: z.input<typeof ZUpdateListing>;
}): Promise<{ productId: string; status: string }> {
  const input = parseInput(ZUpdateListing, opts.input);
  const { images, attributes, inventoryCount, options, variants, ...fields } = input;
  return db().$transaction(async (tx) => {
    const current = await tx.product.findFirst({
      where: { id: opts.productId, sellerId: opts.sellerId },
      select: {
        id: true,
        status: true,
        title: true,
        description: true,
        categoryId: true,
        priceCents: true,
        currency: true,
        shippingProfileId: true,
      },
    });
    if (!current) throw new AppError("not_found", "Listing not found.");
    if (current.status === "archived" || current.status === "suspended") {
      throw new AppError("conflict", `You can't edit a listing that is ${current.status}.`);
    }
    if (
      fields.categoryId !== undefined &&
      !(await tx.category.findUnique({ where: { id: fields.categoryId }, select: { id: true } }))
    ) {
      throw new AppError("validation_failed", "Choose a category from the list.", {
        fields: { categoryId: "unknown category" },
      });
    }
    if (fields.shippingProfileId !== undefined || fields.currency !== undefined)
      await assertListingProfile(tx, {
        sellerId: opts.sellerId,
        profileId: fields.shippingProfileId === undefined ? current.shippingProfileId : fields.shippingProfileId,
        currency: fields.currency ?? current.currency,
      });
    const materialChange =
      images !== undefined ||
      MATERIAL.some(
        (k) =>
          k !== "images" &&
          fields[k as keyof typeof fields] !== undefined &&
          fields[k as keyof typeof fields] !== current[k as keyof typeof current],
      );
    const status = materialChange ? nextListingStatus(current.status, "edit") : current.status;
    await tx.product.update({
      where: { id: current.id },
      data: {
        ...fields,
        status,
        ...(status === "pending_review" && current.status === "active" ? { statusReason: null } : {}),
      },
    });
    if (attributes !== undefined) {
      await tx.productAttribute.deleteMany({ where: { productId: current.id } });
      await tx.productAttribute.createMany({
        data: Object.entries(attributes).map(([key, value]) => ({ productId: current.id, key, value })),
      });
    }
    if (images !== undefined)
      await replaceListingImages(tx, { productId: current.id, userId: opts.actorId, uploadIds: images });
    if (options !== undefined && variants !== undefined)
      await replaceListingVariants(tx, {
        productId: current.id,
        sellerId: opts.sellerId,
        actorId: opts.actorId,
        options,
        variants,
      });
    // A listing with variants is priced by them, whatever price came with the edit.
    await tx.$executeRaw`
      UPDATE products p SET price_cents = v.min FROM (SELECT min(price_cents) AS min FROM product_variants WHERE product_id = ${current.id}::uuid) v
       WHERE p.id = ${current.id}::uuid AND v.min IS NOT NULL AND p.price_cents <> v.min`;
    if (inventoryCount !== undefined && (variants === undefined || variants.length === 0))
      await setInventoryCount(tx, {
        productId: current.id,
        sellerId: opts.sellerId,
        count: inventoryCount,
        reason: "manual",
        actorId: opts.actorId,
      });
    await recordOutboxEvent(tx, { aggregateType: "product", aggregateId: current.id, eventType: "product.updated" });
    // A live listing made cheaper (same currency): the buyers who saved it hear the old and new price.
    if (
      current.status === "active" &&
      fields.priceCents !== undefined &&
      fields.priceCents < current.priceCents &&
      (fields.currency ?? current.currency) === current.currency
    )
      await emitDomainEvent(tx, "product.price_dropped", {
        productId: current.id,
        oldPriceCents: current.priceCents,
        newPriceCents: fields.priceCents,
        currency: current.currency,
      });
    if (status === "pending_review" && current.status !== "pending_review")
      await enqueueJob({ name: JOBS.moderateListing, data: { productId: current.id }, tx });
    return { productId: current.id, status };
  });
}
