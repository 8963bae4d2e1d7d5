import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { createCategory, createProduct, createSeller } from "@/test/factories";

import { updateStock } from "./update-stock";

async function shopWithProduct(count = 10) {
  const { seller, user } = await createSeller(db());
  const cat = await createCategory(db());
  const product = await createProduct(db(), { sellerId: seller.id, categoryId: cat.id, inventoryCount: count });
  return { seller, user, product };
}

const stateOf = (id: string) =>
  db().product.findUniqueOrThrow({ where: { id }, select: { inventoryCount: true, lowStockThreshold: true } });

describe("updateStock", () => {
  it("sets the seller's own stock and threshold, recording a manual adjustment", async () => {
    const { seller, user, product } = await shopWithProduct(10);
    const r = await updateStock({
      sellerId: seller.id,
      actorId: user.id,
      productId: product.id,
      count: 4,
      lowStockThreshold: 6,
      note: "  recount  ",
    });
    expect(r).toEqual({ inventoryCount: 4, delta: -6, lowStockThreshold: 6 });
    expect(await stateOf(product.id)).toEqual({ inventoryCount: 4, lowStockThreshold: 6 });
    expect(await db().inventoryAdjustment.findMany({ where: { productId: product.id } })).toMatchObject([
      { delta: -6, resultingCount: 4, reason: "manual", actorId: user.id, note: "recount" },
    ]);
  });

  it("changes only the threshold when the count is the same, writing no adjustment", async () => {
    const { seller, user, product } = await shopWithProduct(10);
    expect(
      await updateStock({
        sellerId: seller.id,
        actorId: user.id,
        productId: product.id,
        count: 10,
        lowStockThreshold: 0,
      }),
    ).toEqual({ inventoryCount: 10, delta: 0, lowStockThreshold: 0 });
    expect(await updateStock({ sellerId: seller.id, actorId: user.id, productId: product.id, count: 11 })).toEqual({
      inventoryCount: 11,
      delta: 1,
      lowStockThreshold: 0,
    });
    expect(await stateOf(product.id)).toEqual({ inventoryCount: 11, lowStockThreshold: 0 });
    expect(await db().inventoryAdjustment.count({ where: { productId: product.id } })).toBe(1);
  });

  it("treats another seller's product as not found and changes nothing", async () => {
    const { product } = await shopWithProduct(10);
    const other = await createSeller(db());
    await expect(
      updateStock({
        sellerId: other.seller.id,
        actorId: other.user.id,
        productId: product.id,
        count: 99,
        lowStockThreshold: 50,
      }),
    ).rejects.toMatchObject({ status: 404, message: "Product not found." });
    await expect(
      updateStock({
        sellerId: other.seller.id,
        actorId: other.user.id,
        productId: product.id,
        count: 10,
        lowStockThreshold: 50,
      }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      updateStock({ sellerId: other.seller.id, actorId: other.user.id, productId: "not-a-uuid", count: 1 }),
    ).rejects.toMatchObject({ status: 400 });
    expect(await stateOf(product.id)).toEqual({ inventoryCount: 10, lowStockThreshold: 5 });
    expect(await db().inventoryAdjustment.count({ where: { productId: product.id } })).toBe(0);
  });

  it("refuses negative, fractional, too large or missing counts and bad thresholds with a clear message", async () => {
    const { seller, user, product } = await shopWithProduct(10);
    const base = { sellerId: seller.id, actorId: user.id, productId: product.id };
    for (const count of [-1, 2.5, 1_000_001, Number.NaN]) {
      await expect(updateStock({ ...base, count })).rejects.toMatchObject({
        status: 400,
        details: { fields: { count: "Stock must be a whole number from 0 to 1,000,000." } },
      });
    }
    await expect(updateStock({ ...base, count: 1, lowStockThreshold: 100_001 })).rejects.toMatchObject({
      status: 400,
      details: { fields: { lowStockThreshold: "Low-stock threshold must be a whole number from 0 to 100,000." } },
    });
    await expect(updateStock({ ...base, count: 1, note: "x".repeat(501) })).rejects.toMatchObject({
      status: 400,
      details: { fields: { note: "Note must be at most 500 characters." } },
    });
    expect(await stateOf(product.id)).toEqual({ inventoryCount: 10, lowStockThreshold: 5 });
  });
});
