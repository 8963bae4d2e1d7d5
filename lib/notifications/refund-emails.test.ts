import { describe, expect, it } from "vitest";

import { orderEmails, partialRefundEmails } from "./order-emails";

const order = {
  id: "7d0b0b9e-58a3-4a51-9a0e-0f4f5c1d2e3f",
  totalCents: 12_345,
  platformFeeCents: 1_852,
  currency: "USD",
  carrier: null,
  trackingNumber: null,
  shippingAddress: null,
  buyer: { id: "b", email: "ada@example.test", name: "Ada" },
  seller: {
    shopName: "Fern & Co",
    stripeAccountId: "acct_1",
    payoutsEnabled: true,
    user: { id: "s", email: "fern@example.test" },
  },
  items: [{ titleSnapshot: "Teapot", quantity: 2 }],
};

describe("refund and cancellation emails", () => {
  it("a seller's cancellation tells the buyer why and that the refund is in full, and reminds the seller it counts", () => {
    const [buyer, seller] = orderEmails(
      { ...order, cancelledBy: "seller", cancellationReason: "out_of_stock", cancellationNote: "Last one broke" },
      "refunded",
      "paid",
      "https://shop.test",
    );
    expect(buyer).toMatchObject({ to: "buyer", subject: "Fern & Co cancelled your order 7d0b0b9e: $123.45 refunded" });
    expect(buyer.body).toContain("(out of stock: Last one broke)");
    expect(buyer.body).toContain("https://shop.test/orders/7d0b0b9e-58a3-4a51-9a0e-0f4f5c1d2e3f");
    expect(seller.body).toContain("Cancellations count in your shop's record");
  });

  it("a buyer's cancellation tells the seller not to ship", () => {
    const [, seller] = orderEmails(
      { ...order, cancelledBy: "buyer", cancellationReason: "buyer_request" },
      "refunded",
      "paid",
      "https://shop.test",
    );
    expect(seller.subject).toBe("Order 7d0b0b9e was cancelled by the buyer: don't ship it");
    expect(seller.body).toContain("2 × Teapot");
  });

  it("a refund that is not a cancellation keeps the refund wording; a partial refund names its amount", () => {
    expect(orderEmails(order, "refunded", "delivered", "https://shop.test")[0].subject).toBe(
      "Refund of $123.45 for your order from Fern & Co",
    );
    const [buyer, seller] = partialRefundEmails(order, 2_500, "Return of 1 item", "https://shop.test");
    expect(buyer.subject).toBe("Partial refund of $25.00 for your order from Fern & Co");
    expect(buyer.body).toContain("The rest of the order is unchanged");
    expect(seller.subject).toBe("Partial refund of $25.00 on order 7d0b0b9e");
  });
});
