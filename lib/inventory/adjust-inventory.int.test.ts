import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { createCategory, createProduct, createSeller } from "@/test/factories";

import { adjustInventory } from "./adjust-inventory";
import { setInventoryCount } from "./set-inventory-count";

async function product(count: number) {
  const { seller, user } = await createSeller(db());
  const cat = await createCategory(db());
  const p = await createProduct(db(), { sellerId: seller.id, categoryId: cat.id, inventoryCount: count });
  return { p, seller, user };
}

describe("adjustInventory", () => {
  it("changes stock and records who, why and by how much", async () => {
    const { p, user } = await product(5);
    const r = await db().$transaction((tx) =>
      adjustInventory(tx, { productId: p.id, delta: -2, reason: "manual", actorId: user.id, note: "damaged" }),
    );
    expect(r.inventoryCount).toBe(3);
    const adj = await db().inventoryAdjustment.findMany({ where: { productId: p.id } });
    expect(adj).toMatchObject([{ delta: -2, resultingCount: 3, reason: "manual", actorId: user.id, note: "damaged" }]);
    expect(await db().outboxEvent.count({ where: { aggregateId: p.id, eventType: "product.inventory_changed" } })).toBe(
      1,
    );
  });

  it("refuses to go below zero, saying how many are left, and changes nothing", async () => {
    const { p } = await product(2);
    await expect(
      db().$transaction((tx) => adjustInventory(tx, { productId: p.id, delta: -3, reason: "order_reserved" })),
    ).rejects.toMatchObject({ status: 409, details: { available: 2 } });
    expect((await db().product.findUniqueOrThrow({ where: { id: p.id } })).inventoryCount).toBe(2);
    expect(await db().inventoryAdjustment.count({ where: { productId: p.id } })).toBe(0);
  });

  it("never oversells under concurrent decrements", async () => {
    const { p } = await product(20);
    const results = await Promise.allSettled(
      Array.from({ length: 60 }, () =>
        db().$transaction((tx) => adjustInventory(tx, { productId: p.id, delta: -1, reason: "order_reserved" })),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(20);
    expect((await db().product.findUniqueOrThrow({ where: { id: p.id } })).inventoryCount).toBe(0);
    expect(await db().inventoryAdjustment.count({ where: { productId: p.id } })).toBe(20);
  });

  it("lets a seller change only their own product", async () => {
    const { p } = await product(5);
    const other = await createSeller(db());
    await expect(
      db().$transaction((tx) =>
        adjustInventory(tx, { productId: p.id, sellerId: other.seller.id, delta: 1, reason: "manual" }),
      ),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      db().$transaction((tx) =>
        setInventoryCount(tx, {
          productId: p.id,
          sellerId: other.seller.id,
          count: 50,
          reason: "manual",
          actorId: other.user.id,
        }),
      ),
    ).rejects.toMatchObject({ status: 404 });
    expect((await db().product.findUniqueOrThrow({ where: { id: p.id } })).inventoryCount).toBe(5);
  });

  it("sets an absolute count through one recorded difference", async () => {
    const { p, seller, user } = await product(5);
    const r = await db().$transaction((tx) =>
      setInventoryCount(tx, {
        productId: p.id,
        sellerId: seller.id,
        count: 12,
        reason: "csv_import",
        actorId: user.id,
      }),
    );
    expect(r).toEqual({ inventoryCount: 12, delta: 7 });
    expect(
      await db().$transaction((tx) =>
        setInventoryCount(tx, {
          productId: p.id,
          sellerId: seller.id,
          count: 12,
          reason: "csv_import",
          actorId: user.id,
        }),
      ),
    ).toEqual({ inventoryCount: 12, delta: 0 });
    await expect(
      db().$transaction((tx) =>
        setInventoryCount(tx, { productId: p.id, sellerId: seller.id, count: -1, reason: "manual", actorId: user.id }),
      ),
    ).rejects.toMatchObject({ status: 400 });
  });
});
