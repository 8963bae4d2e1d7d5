import { describe, expect, it } from "vitest";

import { returnEmails } from "./return-emails";

const r = {
  id: "5e1f0c3a-0000-4000-8000-000000000001",
  reason: "damaged" as const,
  note: "The handle came off.",
  declineReason: null,
  adminNote: null,
  carrier: "SimPost",
  trackingNumber: "SIM1234567654321",
  refundedCents: 2_500,
  order: {
    id: "7d0b0b9e-58a3-4a51-9a0e-0f4f5c1d2e3f",
    currency: "USD",
    buyer: { id: "b", email: "ada@example.test", name: "Ada" },
    seller: { shopName: "Fern & Co", user: { id: "s", email: "fern@example.test" } },
  },
  items: [{ quantity: 1, orderItem: { titleSnapshot: "Teapot" } }],
};
const app = "https://shop.test";

describe("return emails", () => {
  it("a request tells the seller what, why and where to decide", () => {
    const [e] = returnEmails(r, "requested", null, app);
    expect(e).toMatchObject({ to: "seller", subject: "Return requested for order 7d0b0b9e" });
    expect(e.body).toContain("  1 × Teapot\n\nReason: It arrived damaged or faulty\nTheir note: The handle came off.");
    expect(e.body).toContain("https://shop.test/seller/returns");
  });

  it("the label email gives the buyer the label link and tracking number", () => {
    const [e] = returnEmails(r, "label_ready", "accepted", app);
    expect(e.to).toBe("buyer");
    expect(e.body).toContain(`https://shop.test/api/v1/returns/${r.id}/label`);
    expect(e.body).toContain("SimPost tracking number: SIM1234567654321");
  });

  it("a decline tells the buyer why and how to escalate; an admin's acceptance tells the seller", () => {
    const [declined] = returnEmails({ ...r, declineReason: "Used and washed." }, "declined", "requested", app);
    expect(declined).toMatchObject({ to: "buyer" });
    expect(declined.body).toContain("Their reason: Used and washed.");
    expect(returnEmails(r, "accepted", "requested", app)).toEqual([]);
    expect(returnEmails({ ...r, adminNote: "Photos show damage." }, "accepted", "escalated", app)).toMatchObject([
      { to: "seller" },
    ]);
  });

  it("a refund tells both sides the amount; moves nobody needs to hear about send nothing", () => {
    const emails = returnEmails(r, "refunded", "received", app);
    expect(emails.map((e) => [e.to, e.subject])).toEqual([
      ["buyer", "Refund of $25.00 for your return (order 7d0b0b9e)"],
      ["seller", "Return for order 7d0b0b9e refunded ($25.00)"],
    ]);
    expect(returnEmails(r, "in_transit", "accepted", app)).toEqual([]);
    expect(returnEmails(r, "received", "delivered", app)).toEqual([]);
  });
});
