import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { createCategory, createProduct, createSeller } from "@/test/factories";

import { exportStockCsv } from "./export-stock-csv";
import { importStockCsv } from "./import-stock-csv";

async function shop(counts: number[]) {
  const { seller, user } = await createSeller(db());
  const cat = await createCategory(db());
  const products = [];
  for (const [i, inventoryCount] of counts.entries())
    products.push(
      await createProduct(db(), { sellerId: seller.id, categoryId: cat.id, inventoryCount, title: `Item ${i}` }),
    );
  return { seller, user, products };
}

const countsOf = async (ids: string[]) =>
  (
    await db().product.findMany({
      where: { id: { in: ids } },
      select: { id: true, inventoryCount: true, lowStockThreshold: true },
    })
  )
    .sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id))
    .map((p) => [p.inventoryCount, p.lowStockThreshold]);

describe("importStockCsv", () => {
  it("applies every row in one go, writing one csv_import adjustment per changed count", async () => {
    const { seller, user, products } = await shop([5, 5, 5]);
    const [a, b, c] = products;
    const csv = [
      "product_id,title,inventory_count,low_stock_threshold,note",
      `${a.id},"Item, 0",12,,restock`,
      `${b.id},Item 1,5,2,`,
      `${c.id},Item 2,5,,`,
    ].join("\r\n");
    const r = await importStockCsv({ sellerId: seller.id, actorId: user.id, csv });
    expect(r).toEqual({ applied: 2, unchanged: 1, errors: [] });
    expect(await countsOf([a.id, b.id, c.id])).toEqual([
      [12, 5],
      [5, 2],
      [5, 5],
    ]);
    const adjustments = await db().inventoryAdjustment.findMany({ where: { productId: { in: [a.id, b.id, c.id] } } });
    expect(adjustments).toMatchObject([
      { productId: a.id, delta: 7, resultingCount: 12, reason: "csv_import", actorId: user.id, note: "restock" },
    ]);
  });

  it.each([
    [
      "a bad count",
      (id: string) => `${id},-3`,
      'row 3: inventory_count "-3" must be a whole number from 0 to 1,000,000',
    ],
    ["an unknown product", () => "6f1c0a9e-0000-4000-8000-000000000000,3", "row 3: product not found in your shop"],
    [
      "a duplicate product",
      (_id: string, firstId: string) => `${firstId},3`,
      "appears more than once in the file (first on row 2)",
    ],
  ])("applies nothing when one row has %s, and reports exactly that row", async (_what, badRow, message) => {
    const { seller, user, products } = await shop([1, 2, 3]);
    const [a, b, c] = products;
    const csv = ["product_id,inventory_count", `${a.id},10`, badRow(b.id, a.id), `${c.id},30`].join("\n");
    const r = await importStockCsv({ sellerId: seller.id, actorId: user.id, csv });
    expect(r.applied).toBe(0);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].row).toBe(3);
    expect(r.errors[0].message).toContain(message);
    expect(await countsOf([a.id, b.id, c.id])).toEqual([
      [1, 5],
      [2, 5],
      [3, 5],
    ]);
    expect(await db().inventoryAdjustment.count({ where: { productId: { in: [a.id, b.id, c.id] } } })).toBe(0);
  });

  it("treats another seller's product as not in the shop, and changes neither shop", async () => {
    const mine = await shop([1, 2]);
    const theirs = await shop([7]);
    const csv = [
      "product_id,inventory_count",
      `${mine.products[0].id},10`,
      `${mine.products[1].id},20`,
      `${theirs.products[0].id},0`,
    ].join("\n");
    const r = await importStockCsv({ sellerId: mine.seller.id, actorId: mine.user.id, csv });
    expect(r).toEqual({
      applied: 0,
      unchanged: 0,
      errors: [{ row: 4, message: "row 4: product not found in your shop" }],
    });
    expect(await countsOf([mine.products[0].id, mine.products[1].id, theirs.products[0].id])).toEqual([
      [1, 5],
      [2, 5],
      [7, 5],
    ]);
  });

  it("reports every bad row at once, in row order", async () => {
    const { seller, user, products } = await shop([1]);
    const csv = [
      "product_id,inventory_count",
      "6f1c0a9e-0000-4000-8000-000000000000,1",
      `${products[0].id},abc`,
      "6f1c0a9e-0000-4000-8000-000000000001,1",
    ].join("\n");
    const r = await importStockCsv({ sellerId: seller.id, actorId: user.id, csv });
    expect(r.errors.map((e) => e.row)).toEqual([2, 3, 4]);
  });

  it("changes nothing on an export → import round trip, even with awkward titles", async () => {
    const { seller, user, products } = await shop([0, 3, 8]);
    await db().product.update({ where: { id: products[0].id }, data: { title: '=HYPERLINK("x"), "quoted"\nline' } });
    await db().product.update({ where: { id: products[1].id }, data: { title: "-10% off, today" } });
    const csv = await exportStockCsv({ sellerId: seller.id });
    const r = await importStockCsv({ sellerId: seller.id, actorId: user.id, csv });
    expect(r).toEqual({ applied: 0, unchanged: 3, errors: [] });
    expect(await db().inventoryAdjustment.count({ where: { productId: { in: products.map((p) => p.id) } } })).toBe(0);
  });

  it("refuses a file without the required header, changing nothing", async () => {
    const { seller, user, products } = await shop([1]);
    await expect(
      importStockCsv({ sellerId: seller.id, actorId: user.id, csv: `${products[0].id},9\n` }),
    ).rejects.toMatchObject({ status: 400 });
    expect(await countsOf([products[0].id])).toEqual([[1, 5]]);
  });
});
