import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { createCategory, createProduct, createSeller } from "@/test/factories";

import { listInventoryHistory } from "./list-inventory-history";
import { updateStock } from "./update-stock";

describe("listInventoryHistory", () => {
  it("lists a product's adjustments newest first with who made them", async () => {
    const { seller, user } = await createSeller(db());
    const cat = await createCategory(db());
    const product = await createProduct(db(), { sellerId: seller.id, categoryId: cat.id, inventoryCount: 10 });
    await updateStock({
      sellerId: seller.id,
      actorId: user.id,
      productId: product.id,
      count: 7,
      note: "broken in transit",
    });
    await updateStock({ sellerId: seller.id, actorId: user.id, productId: product.id, count: 20 });

    const h = await listInventoryHistory({ sellerId: seller.id, productId: product.id });
    expect(h.product).toMatchObject({ id: product.id, inventoryCount: 20 });
    expect(h).toMatchObject({ total: 2, page: 1, pageCount: 1 });
    expect(h.entries).toMatchObject([
      {
        delta: 13,
        resultingCount: 20,
        reason: "manual",
        note: null,
        orderId: null,
        actor: { email: user.email, name: "Test User" },
      },
      { delta: -3, resultingCount: 7, reason: "manual", note: "broken in transit" },
    ]);
  });

  it("treats another seller's product, or a malformed id, as not found", async () => {
    const { seller } = await createSeller(db());
    const other = await createSeller(db());
    const cat = await createCategory(db());
    const product = await createProduct(db(), { sellerId: seller.id, categoryId: cat.id });
    await expect(listInventoryHistory({ sellerId: other.seller.id, productId: product.id })).rejects.toMatchObject({
      status: 404,
    });
    await expect(listInventoryHistory({ sellerId: seller.id, productId: "nope" })).rejects.toMatchObject({
      status: 404,
    });
  });
});
