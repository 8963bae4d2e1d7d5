import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { createCategory, createProduct, createSeller, createUser } from "@/test/factories";
import { createOrder } from "@/test/order-factories";

import { listOrderBuyerRatings } from "./list-order-buyer-ratings";
import { rateBuyer } from "./rate-buyer";

let categoryId: number;
beforeAll(async () => {
  categoryId = (await createCategory(db())).id;
});

async function shop() {
  const { seller } = await createSeller(db());
  const product = await createProduct(db(), { sellerId: seller.id, categoryId });
  return { sellerId: seller.id, productId: product.id };
}

describe("sellers rating buyers", () => {
  it("a seller rates the buyer of their own delivered order once; other sellers see the buyer's reputation", async () => {
    const [a, b] = [await shop(), await shop()];
    const buyer = await createUser(db());
    const orderA = await createOrder(db(), { buyerId: buyer.id, sellerId: a.sellerId, productIds: [a.productId] });
    const orderB = await createOrder(db(), {
      buyerId: buyer.id,
      sellerId: b.sellerId,
      productIds: [b.productId],
      status: "completed",
    });
    const before = await listOrderBuyerRatings({ sellerId: a.sellerId, orderIds: [orderA.id] });
    expect(before[orderA.id]).toEqual({ orderId: orderA.id, canRate: true, mine: null, buyer: { avg: 0, count: 0 } });

    await rateBuyer({
      sellerId: a.sellerId,
      orderId: orderA.id,
      input: { rating: 5, note: "  Paid fast, friendly.  " },
    });
    await expect(rateBuyer({ sellerId: a.sellerId, orderId: orderA.id, input: { rating: 1 } })).rejects.toMatchObject({
      status: 409,
      message: "You have already rated the buyer for this order.",
    });
    await rateBuyer({ sellerId: b.sellerId, orderId: orderB.id, input: { rating: 2 } });

    const after = await listOrderBuyerRatings({ sellerId: a.sellerId, orderIds: [orderA.id, orderB.id] });
    expect(Object.keys(after)).toEqual([orderA.id]);
    expect(after[orderA.id]).toMatchObject({
      canRate: false,
      mine: { rating: 5, note: "Paid fast, friendly." },
      buyer: { avg: 3.5, count: 2 },
    });
    expect(await db().buyerReview.findMany({ where: { buyerId: buyer.id }, orderBy: { rating: "asc" } })).toMatchObject(
      [
        { orderId: orderB.id, sellerId: b.sellerId, rating: 2, note: "" },
        { orderId: orderA.id, sellerId: a.sellerId, rating: 5 },
      ],
    );
  });

  it("only on the seller's own orders, only after delivery, within the window, with a rating from 1 to 5 and a short note", async () => {
    const [a, b] = [await shop(), await shop()];
    const buyer = await createUser(db());
    const delivered = await createOrder(db(), { buyerId: buyer.id, sellerId: a.sellerId, productIds: [a.productId] });
    const shipped = await createOrder(db(), {
      buyerId: buyer.id,
      sellerId: a.sellerId,
      productIds: [a.productId],
      status: "shipped",
    });
    const old = await createOrder(db(), {
      buyerId: buyer.id,
      sellerId: a.sellerId,
      productIds: [a.productId],
      deliveredAt: new Date(Date.now() - 61 * 86_400_000),
    });
    await expect(
      rateBuyer({ sellerId: b.sellerId, orderId: delivered.id, input: { rating: 5 } }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(rateBuyer({ sellerId: a.sellerId, orderId: shipped.id, input: { rating: 5 } })).rejects.toMatchObject({
      status: 409,
      message: "You can rate the buyer once delivery is confirmed.",
    });
    await expect(rateBuyer({ sellerId: a.sellerId, orderId: old.id, input: { rating: 5 } })).rejects.toMatchObject({
      status: 409,
      message: expect.stringMatching(/60 days/),
    });
    for (const rating of [0, 6, 2.5])
      await expect(rateBuyer({ sellerId: a.sellerId, orderId: delivered.id, input: { rating } })).rejects.toMatchObject(
        { status: 400 },
      );
    await expect(
      rateBuyer({ sellerId: a.sellerId, orderId: delivered.id, input: { rating: 4, note: "n".repeat(1001) } }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/1,000/) });
    expect(await db().buyerReview.count({ where: { buyerId: buyer.id } })).toBe(0);
    const state = await listOrderBuyerRatings({ sellerId: a.sellerId, orderIds: [delivered.id, shipped.id, old.id] });
    expect([state[delivered.id].canRate, state[shipped.id].canRate, state[old.id].canRate]).toEqual([
      true,
      false,
      false,
    ]);
  });
});
