import { describe, expect, it } from "vitest";
import { orderEmails } from "./order-emails";

const order = {
  id: "7d0b0b9e-58a3-4a51-9a0e-0f4f5c1d2e3f",
  totalCents: 12_345,
  currency: "USD",
  carrier: null,
  trackingNumber: null,
  shippingAddress: { fullName: "Ada Buyer", city: "Leeds", country: "GB" },
  buyer: { id: "b", email: "ada@example.test", name: null },
  seller: { shopName: "Fern & Co", user: { id: "s", email: "fern@example.test" } },
  items: [{ titleSnapshot: "Teapot", quantity: 2 }, { titleSnapshot: "Cup", quantity: 1 }],
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
    expect(orderEmails(order, "completed", "delivered", "https://shop.test")).toEqual([]);
    expect(orderEmails(order, "cancelled", "pending", "https://shop.test")).toEqual([]);
    expect(orderEmails(order, "refunded", "paid", "https://shop.test").map((e) => e.to)).toEqual(["buyer", "seller"]);
  });
});
