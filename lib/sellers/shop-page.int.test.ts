import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { createCategory, createProduct, createSeller, createUser } from "@/test/factories";
import { createOrder } from "@/test/order-factories";

import { getShop } from "./get-shop";
import { listShopProducts, ZShopQuery } from "./list-shop-products";
import { updateShop } from "./update-shop";

async function shopWithListings() {
  const s = await createSeller(db());
  const category = await createCategory(db());
  const make = (title: string, priceCents: number) =>
    createProduct(db(), { sellerId: s.seller.id, categoryId: category.id, title, priceCents });
  const mug = await make("Blue stoneware mug", 2_400);
  const bowl = await make("Blue serving bowl", 4_800);
  const plate = await make("Speckled dinner plate", 1_800);
  const hidden = await make("Blue draft vase", 9_900);
  await db().product.update({ where: { id: hidden.id }, data: { status: "draft" } });
  return { ...s, category, mug, bowl, plate, hidden };
}

describe("a shop's public page", () => {
  it("counts standing sales and live listings; an unknown or suspended shop has no page", async () => {
    const s = await shopWithListings();
    const buyer = await createUser(db());
    for (const status of ["paid", "completed", "delivered", "cancelled", "pending", "refunded"] as const)
      await createOrder(db(), { buyerId: buyer.id, sellerId: s.seller.id, productIds: [s.mug.id], status });
    await db().sellerProfile.update({ where: { id: s.seller.id }, data: { ratingAvg: 4.6, ratingCount: 12 } });

    const shop = await getShop(s.seller.slug);
    expect(shop).toMatchObject({
      id: s.seller.id,
      shopName: s.seller.shopName,
      ratingAvg: 4.6,
      ratingCount: 12,
      // paid, completed and delivered: not the cancelled, pending or refunded ones.
      sales: 3,
      liveListings: 3,
      returnWindowDays: expect.any(Number),
    });
    expect(shop?.shipping?.zones.length).toBeGreaterThan(0);
    expect(shop?.shipping?.zones[0].days.max).toBeGreaterThanOrEqual(shop!.shipping!.zones[0].days.min);

    expect(await getShop("no-such-shop-anywhere")).toBeNull();
    expect(await getShop("../../etc")).toBeNull();
    await db().sellerProfile.update({ where: { id: s.seller.id }, data: { status: "suspended" } });
    expect(await getShop(s.seller.slug)).toBeNull();
  });

  it("lists only the shop's live listings, found by every word and sorted as asked", async () => {
    const s = await shopWithListings();
    const other = await createSeller(db());
    await createProduct(db(), {
      sellerId: other.seller.id,
      categoryId: s.category.id,
      title: "Blue mug from elsewhere",
    });
    const ids = async (q: Record<string, string>) =>
      (await listShopProducts(s.seller.id, ZShopQuery.parse(q))).products.map((p) => p.id);

    expect(await ids({ sort: "price_asc" })).toEqual([s.plate.id, s.mug.id, s.bowl.id]);
    expect(await ids({ sort: "price_desc" })).toEqual([s.bowl.id, s.mug.id, s.plate.id]);
    expect(await ids({ q: "blue", sort: "price_asc" })).toEqual([s.mug.id, s.bowl.id]);
    expect(await ids({ q: "BLUE mug" })).toEqual([s.mug.id]);
    expect(await ids({ q: "vase" })).toEqual([]);
    // Junk in the query falls back to the defaults rather than failing the page.
    const junk = await listShopProducts(s.seller.id, ZShopQuery.parse({ sort: "'; drop", page: "-3" }));
    expect(junk).toMatchObject({ page: 1, total: 3 });
  });

  it("a seller edits the name and description; a name too short is refused and nothing changes", async () => {
    const s = await shopWithListings();
    const saved = await updateShop(s.seller.id, {
      shopName: "  Harbour Pottery ",
      description: "Made by hand in Kiel.",
    });
    expect(saved).toMatchObject({ shopName: "Harbour Pottery", description: "Made by hand in Kiel." });
    expect((await getShop(s.seller.slug))?.description).toBe("Made by hand in Kiel.");

    const err = await updateShop(s.seller.id, { shopName: "H", description: "x" }).catch((e: unknown) => e);
    expect(isAppError(err) && err.status).toBe(400);
    expect(String((err as Error).message)).toMatch(/Shop name/);
    expect(await db().sellerProfile.findUniqueOrThrow({ where: { id: s.seller.id } })).toMatchObject({
      shopName: "Harbour Pottery",
      description: "Made by hand in Kiel.",
    });
  });
});
