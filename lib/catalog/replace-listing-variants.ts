import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { adjustInventory } from "@/lib/inventory/adjust-inventory";

import { variantLabel, type TListingOption, type TListingVariant } from "./variant-input";

/**
 * Makes a listing's options and variants exactly the given ones (already checked by
 * checkVariantSet), in the caller's transaction, after its images are in place. A variant is
 * the same variant when its option values are: it keeps its id, so carts and orders that name
 * it stay right, and its stock moves by the difference through adjustInventory (history, the
 * flash-sale gate). New variants start at their stock with an "initial" history row; a dropped
 * variant gives its stock back out of the total and goes, unless it was ever ordered (then the
 * seller sets its stock to 0 instead). A listing gaining variants moves off its own stock, and
 * its price becomes the lowest variant price (what cards and search show as "from").
 */
export async function replaceListingVariants(
  tx: Tx,
  opts: {
    productId: string;
    sellerId: string;
    actorId: string;
    options: TListingOption[];
    variants: TListingVariant[];
  },
): Promise<void> {
  const { productId, sellerId } = opts;
  // The product row first, as every stock path locks it.
  const locked = await tx.$queryRaw<{ inventory_count: number }[]>`
    SELECT inventory_count FROM products WHERE id = ${productId}::uuid AND seller_id = ${sellerId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw new AppError("not_found", "Listing not found.");
  const existing = await tx.productVariant.findMany({
    where: { productId },
    select: {
      id: true,
      optionValues: true,
      inventoryCount: true,
      label: true,
      _count: { select: { orderItems: true } },
    },
  });
  const imageIds = await variantImageIds(tx, productId, opts.variants);
  const key = (values: string[]) => JSON.stringify(values);
  const wanted = new Map(opts.variants.map((v, i) => [key(v.options), { v, i }]));
  const kept = existing.filter((e) => wanted.has(key(e.optionValues)));
  const dropped = existing.filter((e) => !wanted.has(key(e.optionValues)));

  const ordered = dropped.find((d) => d._count.orderItems > 0);
  if (ordered)
    throw new AppError(
      "conflict",
      `The variant ${ordered.label} has orders, so it can't be removed: keep it and set its stock to 0.`,
      { fields: { variants: `${ordered.label} has orders` } },
    );
  if (existing.length === 0 && opts.variants.length > 0 && locked[0].inventory_count > 0)
    await adjustInventory(tx, {
      productId,
      sellerId,
      delta: -locked[0].inventory_count,
      reason: "correction",
      actorId: opts.actorId,
      note: "Stock moved to the listing's variants",
    });
  for (const d of dropped) {
    if (d.inventoryCount > 0)
      await adjustInventory(tx, {
        productId,
        variantId: d.id,
        sellerId,
        delta: -d.inventoryCount,
        reason: "correction",
        actorId: opts.actorId,
        note: `Variant ${d.label} removed`,
      });
    await tx.productVariant.delete({ where: { id: d.id } });
  }
  // SKUs may swap between kept variants: clear them first so the unique index never sees a pair.
  for (const e of kept) await tx.productVariant.update({ where: { id: e.id }, data: { sku: `~${e.id}` } });
  for (const e of kept) {
    const { v, i } = wanted.get(key(e.optionValues))!;
    await tx.productVariant.update({
      where: { id: e.id },
      data: { position: i, sku: v.sku, priceCents: v.priceCents, imageId: imageIds[i], label: variantLabel(v.options) },
    });
    const delta = v.inventoryCount - e.inventoryCount;
    if (delta !== 0)
      await adjustInventory(tx, {
        productId,
        variantId: e.id,
        sellerId,
        delta,
        reason: "manual",
        actorId: opts.actorId,
      });
  }
  const keptKeys = new Set(kept.map((e) => key(e.optionValues)));
  for (const [i, v] of opts.variants.entries()) {
    if (keptKeys.has(key(v.options))) continue;
    const created = await tx.productVariant.create({
      data: {
        productId,
        position: i,
        sku: v.sku,
        optionValues: v.options,
        label: variantLabel(v.options),
        priceCents: v.priceCents,
        imageId: imageIds[i],
      },
      select: { id: true },
    });
    if (v.inventoryCount > 0)
      await adjustInventory(tx, {
        productId,
        variantId: created.id,
        sellerId,
        delta: v.inventoryCount,
        reason: "initial",
        actorId: opts.actorId,
      });
  }
  await tx.productOption.deleteMany({ where: { productId } });
  if (opts.options.length)
    await tx.productOption.createMany({
      data: opts.options.map((o, position) => ({ productId, position, name: o.name, values: o.values })),
    });
  if (opts.variants.length)
    await tx.product.update({
      where: { id: productId },
      data: { priceCents: Math.min(...opts.variants.map((v) => v.priceCents)) },
    });
}

/** Each variant's photo: the listing's image made from the upload it names (or none). */
async function variantImageIds(tx: Tx, productId: string, variants: TListingVariant[]): Promise<(string | null)[]> {
  const uploads = [...new Set(variants.map((v) => v.imageId).filter((id): id is string => id !== null))];
  const images = uploads.length
    ? await tx.productImage.findMany({
        where: { productId, uploadId: { in: uploads } },
        select: { id: true, uploadId: true },
      })
    : [];
  const byUpload = new Map(images.map((i) => [i.uploadId, i.id]));
  return variants.map((v, i) => {
    if (v.imageId === null) return null;
    const id = byUpload.get(v.imageId);
    if (!id)
      throw new AppError("validation_failed", `Variant ${i + 1}'s photo is not one of the listing's photos.`, {
        fields: { [`variants.${i}.imageId`]: "not one of the listing's photos" },
      });
    return id;
  });
}
