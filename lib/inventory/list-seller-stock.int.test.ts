import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { createCategory, createProduct, createSeller } from "@/test/factories";

import { listSellerStock, STOCK_PAGE_SIZE } from "./list-seller-stock";

describe("listSellerStock", () => {
  it("lists only the seller's non-archived products, marking low stock, with search, filter and sort", async () => {
    const { seller } = await createSeller(db());
    const other = await createSeller(db());
    const cat = await createCategory(db());
    const make = (title: string, inventoryCount: number) =>
      createProduct(db(), { sellerId: seller.id, categoryId: cat.id, title, inventoryCount });
    const [mug, cup, bowl, gone] = [
      await make("Blue Mug", 5),
      await make("Red cup", 2),
      await make("Big bowl", 40),
      await make("Old mug", 0),
    ];
    await db().product.update({ where: { id: gone.id }, data: { status: "archived" } });
    await createProduct(db(), { sellerId: other.seller.id, categoryId: cat.id, title: "Their mug", inventoryCount: 0 });

    const all = await listSellerStock({ sellerId: seller.id });
    expect(all).toMatchObject({ total: 3, page: 1, pageCount: 1 });
    expect(all.items.map((i) => [i.title, i.inventoryCount, i.lowStockThreshold, i.low])).toEqual([
      ["Big bowl", 40, 5, false],
      ["Blue Mug", 5, 5, true],
      ["Red cup", 2, 5, true],
    ]);
    expect((await listSellerStock({ sellerId: seller.id, q: "MUG" })).items.map((i) => i.id)).toEqual([mug.id]);
    expect(
      (await listSellerStock({ sellerId: seller.id, lowOnly: true, sort: "count_asc" })).items.map((i) => i.id),
    ).toEqual([cup.id, mug.id]);
    expect((await listSellerStock({ sellerId: seller.id, sort: "count_desc" })).items.map((i) => i.id)).toEqual([
      bowl.id,
      mug.id,
      cup.id,
    ]);
  });

  it("pages by fifty", async () => {
    const { seller } = await createSeller(db());
    const cat = await createCategory(db());
    await db().product.createMany({
      data: Array.from({ length: STOCK_PAGE_SIZE + 3 }, (_, i) => ({
        sellerId: seller.id,
        categoryId: cat.id,
        title: `Item ${String(i).padStart(3, "0")}`,
        priceCents: 100,
      })),
    });
    const second = await listSellerStock({ sellerId: seller.id, page: 2 });
    expect(second).toMatchObject({ total: 53, page: 2, pageCount: 2 });
    expect(second.items.map((i) => i.title)).toEqual(["Item 050", "Item 051", "Item 052"]);
  });
});
