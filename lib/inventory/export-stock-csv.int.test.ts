import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { createCategory, createProduct, createSeller } from "@/test/factories";

import { exportStockCsv } from "./export-stock-csv";

describe("exportStockCsv", () => {
  it("writes the seller's non-archived products with RFC 4180 quoting and CSV-injection guards", async () => {
    const { seller } = await createSeller(db());
    const other = await createSeller(db());
    const cat = await createCategory(db());
    const make = (title: string, inventoryCount = 1) =>
      createProduct(db(), { sellerId: seller.id, categoryId: cat.id, title, inventoryCount });
    const plain = await make("A plain mug", 4);
    const quoted = await make('B mug, "large"\r\nsecond line');
    const formula = await make("=SUM(A1:A9)");
    const plus = await make("+1 extra");
    const minus = await make("-5, sale");
    const at = await make("@cmd");
    const tab = await make("\tindented");
    const archived = await make("Z archived");
    await db().product.update({ where: { id: archived.id }, data: { status: "archived" } });
    await db().product.update({ where: { id: plain.id }, data: { lowStockThreshold: 2, status: "draft" } });
    await createProduct(db(), { sellerId: other.seller.id, categoryId: cat.id, title: "Not mine" });

    const csv = await exportStockCsv({ sellerId: seller.id });
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("product_id,title,inventory_count,low_stock_threshold,status");
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv).not.toContain("Not mine");
    expect(csv).not.toContain(archived.id);
    expect(csv).toContain(`${plain.id},A plain mug,4,2,draft\r\n`);
    expect(csv).toContain(`${quoted.id},"B mug, ""large""\r\nsecond line",1,5,active\r\n`);
    expect(csv).toContain(`${formula.id},'=SUM(A1:A9),1,5,active\r\n`);
    expect(csv).toContain(`${plus.id},'+1 extra,1,5,active\r\n`);
    expect(csv).toContain(`${minus.id},"'-5, sale",1,5,active\r\n`);
    expect(csv).toContain(`${at.id},'@cmd,1,5,active\r\n`);
    expect(csv).toContain(`${tab.id},'\tindented,1,5,active\r\n`);
  });

  it("pages through a shop larger than one batch, in title order", async () => {
    const { seller } = await createSeller(db());
    const cat = await createCategory(db());
    await db().product.createMany({
      data: Array.from({ length: 1_205 }, (_, i) => ({
        sellerId: seller.id,
        categoryId: cat.id,
        title: `Item ${String(i).padStart(4, "0")}`,
        priceCents: 100,
        inventoryCount: i,
      })),
    });
    const rows = (await exportStockCsv({ sellerId: seller.id })).trimEnd().split("\r\n").slice(1);
    expect(rows).toHaveLength(1_205);
    expect(rows.map((r) => r.split(",")[1])).toEqual(
      Array.from({ length: 1_205 }, (_, i) => `Item ${String(i).padStart(4, "0")}`),
    );
  });
});
