import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { createCategory, createProduct, createSeller, createUser } from "@/test/factories";
import { createOrder } from "@/test/order-factories";

import { getSellerOrder } from "./get-seller-order";

describe("a seller's own order page reads", () => {
  it("their own paid order, and not another shop's or one still awaiting payment", async () => {
    const [mine, other, buyer, category] = await Promise.all([
      createSeller(db()),
      createSeller(db()),
      createUser(db()),
      createCategory(db()),
    ]);
    const product = await createProduct(db(), { sellerId: mine.seller.id, categoryId: category.id });
    const order = await createOrder(db(), {
      buyerId: buyer.id,
      sellerId: mine.seller.id,
      productIds: [product.id],
      status: "paid",
    });
    const read = await getSellerOrder({ orderId: order.id, sellerId: mine.seller.id });
    expect(read.items).toMatchObject([{ productId: product.id, quantity: 1 }]);
    expect(read.shippingAddress).toMatchObject({ fullName: "Test Buyer" });

    await expect(getSellerOrder({ orderId: order.id, sellerId: other.seller.id })).rejects.toMatchObject({
      status: 404,
      message: "Order not found.",
    });
    const pending = await createOrder(db(), {
      buyerId: buyer.id,
      sellerId: mine.seller.id,
      productIds: [product.id],
      status: "pending",
    });
    await expect(getSellerOrder({ orderId: pending.id, sellerId: mine.seller.id })).rejects.toMatchObject({
      status: 404,
    });
  });
});
