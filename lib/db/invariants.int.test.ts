import { randomUUID } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { createCategory, createProduct, createSeller, createUser } from "@/test/factories";

// The database itself refuses states the marketplace must never reach, whatever the code does.
describe("database invariants", () => {
  let productId: string;
  let sellerId: string;
  let buyerId: string;
  beforeAll(async () => {
    const { seller } = await createSeller(db());
    sellerId = seller.id;
    buyerId = (await createUser(db())).id;
    const cat = await createCategory(db());
    productId = (await createProduct(db(), { sellerId, categoryId: cat.id, inventoryCount: 2 })).id;
  });

  it("stock can never go negative", async () => {
    await expect(
      db().$executeRaw`UPDATE products SET inventory_count = inventory_count - 3 WHERE id = ${productId}::uuid`,
    ).rejects.toThrow(/products_inventory_count_check/);
    expect((await db().product.findUniqueOrThrow({ where: { id: productId } })).inventoryCount).toBe(2);
  });

  it("prices must be positive", async () => {
    await expect(db().product.update({ where: { id: productId }, data: { priceCents: 0 } })).rejects.toThrow(
      /products_price_cents_check/,
    );
  });

  it("ratings are 1 to 5", async () => {
    for (const rating of [0, 6]) {
      await expect(
        db()
          .$executeRaw`INSERT INTO buyer_reviews (id, order_id, seller_id, buyer_id, rating) VALUES (${randomUUID()}::uuid, ${randomUUID()}::uuid, ${sellerId}::uuid, ${buyerId}::uuid, ${rating})`,
      ).rejects.toThrow(/buyer_reviews_rating_check|violates/);
    }
  });

  it("the ledger is append-only", async () => {
    const entry = await db().ledgerEntry.create({
      data: {
        transactionId: randomUUID(),
        debitAccount: `test:${buyerId}`,
        creditAccount: "test:other",
        amountCents: 1000,
        currency: "USD",
        entryType: "adjustment",
      },
    });
    await expect(db().ledgerEntry.update({ where: { id: entry.id }, data: { amountCents: 1 } })).rejects.toThrow(
      /append-only: UPDATE/,
    );
    await expect(db().ledgerEntry.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only: DELETE/);
    await expect(db().$executeRawUnsafe(`TRUNCATE ledger_entries`)).rejects.toThrow(/append-only: TRUNCATE/);
    expect((await db().ledgerEntry.findUniqueOrThrow({ where: { id: entry.id } })).amountCents).toBe(1000);
  });

  it("a ledger entry moves a positive amount between two different accounts", async () => {
    const base = { transactionId: randomUUID(), currency: "USD", entryType: "capture" as const };
    await expect(
      db().ledgerEntry.create({ data: { ...base, debitAccount: "a", creditAccount: "b", amountCents: 0 } }),
    ).rejects.toThrow(/amount_cents_check/);
    await expect(
      db().ledgerEntry.create({ data: { ...base, debitAccount: "a", creditAccount: "a", amountCents: 5 } }),
    ).rejects.toThrow(/accounts_check/);
  });

  it("an idempotency key is unique within its scope", async () => {
    const key = { scope: `orders:create:${buyerId}`, key: "k-1", requestHash: "x".repeat(64) };
    await db().idempotencyKey.create({ data: key });
    await expect(db().idempotencyKey.create({ data: key })).rejects.toThrow(/Unique constraint/);
    await db().idempotencyKey.create({ data: { ...key, scope: "orders:create:someone-else" } });
  });

  it("emails are stored lower-case", async () => {
    await expect(createUser(db(), { email: "Mixed@Example.test" })).rejects.toThrow(/users_email_lowercase_check/);
  });
});
