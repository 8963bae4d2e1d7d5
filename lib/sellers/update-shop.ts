import "server-only";

import { z } from "zod";

import { revalidateAllCachedProducts } from "@/lib/catalog/revalidate-all-cached-products";
import { db } from "@/lib/db/client";
import { zText } from "@/lib/errors/input-primitives";
import { parseInput } from "@/lib/errors/parse-input";

export const ZShopDetails = z
  .object({
    shopName: zText({ what: "Shop name", min: 2, max: 80 }),
    description: zText({ what: "Description", max: 2000, multiline: true }).default(""),
  })
  .meta({ title: "Shop details" });

/**
 * A seller changes their shop's name and description (its address, the slug, stays: links to it
 * must keep working). Written for the signed-in seller's own shop only. A new name is on every
 * cached product page ("Sold by"), so those are dropped.
 */
export async function updateShop(sellerId: string, raw: unknown) {
  const input = parseInput(ZShopDetails, raw);
  const before = await db().sellerProfile.findUniqueOrThrow({ where: { id: sellerId }, select: { shopName: true } });
  const shop = await db().sellerProfile.update({
    where: { id: sellerId },
    data: { shopName: input.shopName, description: input.description || null },
    select: { slug: true, shopName: true, description: true },
  });
  if (before.shopName !== shop.shopName) await revalidateAllCachedProducts();
  return shop;
}

/** The signed-in seller's own shop details, for the edit form. */
export async function getOwnShopDetails(sellerId: string) {
  return db().sellerProfile.findUniqueOrThrow({
    where: { id: sellerId },
    select: { slug: true, shopName: true, description: true },
  });
}
