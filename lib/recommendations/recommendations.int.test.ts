// Recommendations against the real database and Redis: co-purchase pairs exactly as the seeded
// orders give them (paid checkouts only, a checkout split over shops counted once), the Redis
// lists and their PostgreSQL fallback, the incremental run after a sale, and similar items by
// content.
import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { redis } from "@/lib/redis/client";
import { createCategory, createProduct, createSeller, createUser } from "@/test/factories";
import { createOrder } from "@/test/order-factories";

import { computeCoPurchases } from "./compute-co-purchases";
import { getAlsoBought } from "./get-also-bought";
import { getRecommendations } from "./get-recommendations";
import { getSimilarItems } from "./get-similar-items";

let categoryId: number;
beforeAll(async () => {
  categoryId = (await createCategory(db())).id;
});

async function pairsOf(ids: string[]) {
  const rows = await db().coPurchasePair.findMany({
    where: { productId: { in: ids } },
    select: { productId: true, otherProductId: true, checkouts: true },
  });
  const name = new Map(ids.map((id, i) => [id, "ABCDE"[i]]));
  return rows.map((r) => `${name.get(r.productId)}${name.get(r.otherProductId) ?? "?"}:${r.checkouts}`).sort();
}

describe("also bought", () => {
  it("counts paid checkouts that bought both, caches the lists in Redis and falls back to PostgreSQL", async () => {
    const [{ seller: s1 }, { seller: s2 }] = [await createSeller(db()), await createSeller(db())];
    const buyer = await createUser(db());
    const p = (sellerId: string) => createProduct(db(), { sellerId, categoryId });
    const [a, b, c, d, e] = [await p(s1.id), await p(s1.id), await p(s2.id), await p(s2.id), await p(s2.id)];
    const ids = [a.id, b.id, c.id, d.id, e.id];
    const order = (sellerId: string, productIds: string[], status: OrderStatus = "paid") =>
      createOrder(db(), { buyerId: buyer.id, sellerId, productIds, status });

    await order(s1.id, [a.id, b.id], "completed"); // A+B
    const split = await order(s1.id, [a.id, b.id], "shipped"); // A+B+C: one checkout, two shops
    const second = await order(s2.id, [c.id]);
    await db().order.update({ where: { id: second.id }, data: { checkoutId: split.checkoutId } });
    await order(s1.id, [a.id, b.id], "refunded"); // undone: not counted
    await order(s2.id, [c.id, d.id], "pending"); // never paid: not counted
    await order(s1.id, [a.id]); // alone: no pair

    await computeCoPurchases();
    expect(await pairsOf(ids)).toEqual(["AB:2", "AC:1", "BA:2", "BC:1", "CA:1", "CB:1"]);
    expect(await getAlsoBought([a.id], 5)).toEqual([b.id, c.id]);
    // Two listings together: their counts summed, the given ones left out.
    expect(await getAlsoBought([a.id, b.id], 5)).toEqual([c.id]);

    // Served from Redis: with the table emptied the answer stands.
    await db().coPurchasePair.deleteMany({ where: { productId: { in: ids } } });
    expect(await getAlsoBought([c.id], 5)).toEqual([a.id, b.id].sort((x, y) => x.localeCompare(y)));
    // Without the Redis entry, PostgreSQL answers (after a rebuild puts the rows back).
    await computeCoPurchases();
    await redis()!.del(`rec:also:${a.id}`);
    expect(await getAlsoBought([a.id], 5)).toEqual([b.id, c.id]);
    expect(JSON.parse((await redis()!.get(`rec:also:${a.id}`))!)).toEqual([
      { productId: b.id, checkouts: 2 },
      { productId: c.id, checkouts: 1 },
    ]);

    // A new sale of C and D: the run for those listings adds their pair and leaves the rest.
    await order(s2.id, [c.id, d.id], "paid");
    await computeCoPurchases({ productIds: [c.id, d.id] });
    expect(await pairsOf(ids)).toEqual(["AB:2", "AC:1", "BA:2", "BC:1", "CA:1", "CB:1", "CD:1", "DC:1"]);
    expect(await getAlsoBought([d.id], 5)).toEqual([c.id]);
    expect(await getAlsoBought([e.id], 5)).toEqual([]);

    // The product page's blocks: "also bought" first, and a listing shows in one block only.
    const blocks = await getRecommendations({
      query: { page: "product", product_ids: [d.id], recent: [] },
      userId: null,
    });
    expect(blocks[0]).toMatchObject({ kind: "also_bought", placement: "also_bought:product" });
    expect(blocks[0].products.map((x) => x.id)).toEqual([c.id]);
    const all = blocks.flatMap((bl) => bl.products.map((x) => x.id));
    expect(new Set(all).size).toBe(all.length);
    expect(all).not.toContain(d.id);
  });
});

describe("similar items", () => {
  it("ranks listings of the same category with similar words first and leaves out other categories' unrelated ones", async () => {
    const { seller } = await createSeller(db());
    const other = (await createCategory(db())).id;
    const make = (title: string, cat = categoryId) =>
      createProduct(db(), { sellerId: seller.id, categoryId: cat, title });
    const src = await make("Blue stoneware coffee mug");
    const twin = await make("Green stoneware coffee mug");
    const sibling = await make("Cast iron kettle");
    const far = await make("Merino wool scarf", other);
    const hidden = await make("Red stoneware coffee mug");
    await db().product.update({ where: { id: hidden.id }, data: { status: "suspended" } });

    const ids = await getSimilarItems(src.id, 10);
    expect(ids[0]).toBe(twin.id);
    expect(ids).toContain(sibling.id);
    expect(ids).not.toContain(far.id);
    expect(ids).not.toContain(hidden.id);
    expect(ids).not.toContain(src.id);
    // Cached: the same answer comes from Redis.
    expect(JSON.parse((await redis()!.get(`rec:similar:${src.id}`))!)).toEqual(ids);
  });
});
