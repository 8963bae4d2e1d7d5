import { describe, expect, it } from "vitest";

import { orderEmails } from "./order-emails";

const order = {
  id: "7d0b0b9e-58a3-4a51-9a0e-0f4f5c1d2e3f",
  totalCents: 12_345,
  platformFeeCents: 1_852,
  currency: "USD",
  carrier: null,
  trackingNumber: null,
  shippingAddress: { fullName: "Ada Buyer", city: "Leeds", country: "GB" },
  buyer: { id: "b", email: "ada@example.test", name: null },
  seller: {
    shopName: "Fern & Co",
    stripeAccountId: "acct_1" as string | null,
    payoutsEnabled: true,
    user: { id: "s", email: "fern@example.test" },
  },
  items: [
    { titleSnapshot: "Teapot", quantity: 2 },
    { titleSnapshot: "Cup", quantity: 1 },
  ],
};

describe("order emails", () => {
  it("a paid order tells the buyer what they paid and the seller what to ship and where", () => {
    const [buyer, seller] = orderEmails(order, "paid", "pending", "https://shop.test");
    expect(buyer).toMatchObject({ to: "buyer", subject: "Order confirmed: Fern & Co ($123.45)" });
    expect(buyer.body).toMatch(/^Hi,\n/);
    expect(buyer.body).toContain("  2 × Teapot\n  1 × Cup");
    expect(buyer.body).toContain("https://shop.test/orders/7d0b0b9e-58a3-4a51-9a0e-0f4f5c1d2e3f");
    expect(seller).toMatchObject({ to: "seller", subject: "New order to ship: Teapot and 1 more" });
    expect(seller.body).toContain("Ship to Ada Buyer, Leeds (GB)");
  });

  it("shipping without tracking still reads well; moves nobody needs to hear about send nothing", () => {
    const [shipped] = orderEmails(order, "shipped", "paid", "https://shop.test");
    expect(shipped.body).toContain("Your order 7d0b0b9e from Fern & Co is on its way.\n");
    expect(orderEmails(order, "cancelled", "pending", "https://shop.test")).toEqual([]);
    expect(orderEmails(order, "refunded", "paid", "https://shop.test").map((e) => e.to)).toEqual(["buyer", "seller"]);
  });

  it("delivery confirmed promises only what happens next; 'paid' comes after the transfer, with the amount after commission", () => {
    const [delivered] = orderEmails(order, "delivered", "shipped", "https://shop.test");
    expect(delivered).toMatchObject({ to: "seller", subject: "Delivery confirmed for order 7d0b0b9e" });
    expect(delivered.body).toContain(
      "We're now sending $104.93 ($123.45 less the marketplace commission of $18.52) to your payout account, and will email you once the transfer is made.",
    );
    expect(delivered.subject + delivered.body).not.toMatch(/on its way|released|paid to you/i);
    const [completed] = orderEmails(order, "completed", "delivered", "https://shop.test");
    expect(completed).toMatchObject({ to: "seller", subject: "Paid: $104.93 for order 7d0b0b9e" });
    expect(completed.body).toContain("was transferred to your payout account");
  });

  it("a seller without a working payout account gets no 'delivery confirmed' email: the parked release's email says why and what to do", () => {
    expect(
      orderEmails(
        { ...order, seller: { ...order.seller, stripeAccountId: null } },
        "delivered",
        "shipped",
        "https://shop.test",
      ),
    ).toEqual([]);
    expect(
      orderEmails(
        { ...order, seller: { ...order.seller, payoutsEnabled: false } },
        "delivered",
        "shipped",
        "https://shop.test",
      ),
    ).toEqual([]);
  });
});
