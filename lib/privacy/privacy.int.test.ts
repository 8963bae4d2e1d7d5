import { randomBytes } from "node:crypto";

import { describe, expect, it } from "vitest";

import { createUserSession } from "@/lib/auth/create-user-session";
import { findSessionUser } from "@/lib/auth/find-session-user";
import { revokeUserSession } from "@/lib/auth/revoke-user-session";
import { db } from "@/lib/db/client";
import { confirmDelivery } from "@/lib/orders/confirm-delivery";
import { shipOrder } from "@/lib/orders/ship-order";
import { releaseEscrow } from "@/lib/payments/release-escrow";
import { authenticate } from "@/lib/users/authenticate";
import { hashPassword } from "@/lib/users/hash-password";
import { requestPasswordReset } from "@/lib/users/request-password-reset";
import { createCategory, createProduct, createSeller, createUser } from "@/test/factories";
import { createOrder } from "@/test/order-factories";
import { deliver, eventsAbout, onboardedSeller, payCheckout, placeCheckout } from "@/test/payment-scenario";

import { deleteAccount } from "./delete-account";
import { exportAccountData } from "./export-account-data";

const PASSWORD = "Privacy-pass-1";
const IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const ip = () => `10.5.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;

async function personWithAddress(fullName: string, line1: string) {
  const user = await createUser(db(), { passwordHash: await hashPassword(PASSWORD) });
  await db().user.update({ where: { id: user.id }, data: { name: fullName } });
  const address = await db().address.create({
    data: { userId: user.id, fullName, line1, city: "Springfield", postalCode: "12345", country: "US" },
  });
  return { ...user, name: fullName, addressId: address.id };
}

/** A delivered order from `buyer` at `sellerId`, shipped to the buyer's saved address, with a review. */
async function reviewedOrder(buyer: { id: string; addressId: string }, sellerId: string, title: string) {
  const categoryId = (await createCategory(db())).id;
  const product = await createProduct(db(), { sellerId, categoryId, title });
  const address = await db().address.findUniqueOrThrow({ where: { id: buyer.addressId } });
  const order = await createOrder(db(), { buyerId: buyer.id, sellerId, productIds: [product.id], status: "completed" });
  await db().order.update({
    where: { id: order.id },
    data: {
      shippingAddress: {
        fullName: address.fullName,
        line1: address.line1,
        city: "Springfield",
        postalCode: "12345",
        country: "US",
      },
    },
  });
  await db().review.create({
    data: {
      orderId: order.id,
      orderItemId: order.items[0].id,
      productId: product.id,
      buyerId: buyer.id,
      rating: 4,
      title: `Review of ${title}`,
      body: "Nice.",
      editableUntil: new Date(),
    },
  });
  return order;
}

describe("data export", () => {
  it("holds the person's profile, addresses, orders with items and amounts, reviews and sessions, and nobody else's", async () => {
    const { seller, user: sellerUser } = await createSeller(db());
    const ada = await personWithAddress("Ada Lovelace", "12 Analytical Row");
    const bob = await personWithAddress("Bob Otherperson", "99 Elsewhere Lane");
    const adaOrder = await reviewedOrder(ada, seller.id, "Brass gear");
    const bobOrder = await reviewedOrder(bob, seller.id, "Copper wire");
    await db().buyerReview.create({
      data: { orderId: adaOrder.id, sellerId: seller.id, buyerId: ada.id, rating: 5, note: "Paid fast" },
    });
    const adaPhone = await createUserSession({
      userId: ada.id,
      method: "credentials",
      userAgent: IPHONE,
      ip: "203.0.113.4",
    });
    const adaOld = await createUserSession({ userId: ada.id, method: "github", userAgent: null, ip: null });
    await revokeUserSession({ userId: ada.id, sessionId: adaOld });
    const bobSession = await createUserSession({
      userId: bob.id,
      method: "credentials",
      userAgent: null,
      ip: "198.51.100.8",
    });

    const data = (await exportAccountData(ada.id))!;
    expect(data.profile).toMatchObject({ id: ada.id, email: ada.email, name: "Ada Lovelace" });
    expect(data.addresses).toMatchObject([{ full_name: "Ada Lovelace", line1: "12 Analytical Row" }]);
    expect(data.orders).toHaveLength(1);
    expect(data.orders[0]).toMatchObject({
      id: adaOrder.id,
      total: { amount_cents: 1000, currency: "USD" },
      items: [{ title: "Brass gear", quantity: 1, unit_price: { amount_cents: 1000, currency: "USD" } }],
    });
    expect(data.reviews_written).toMatchObject([{ product: "Brass gear", rating: 4, title: "Review of Brass gear" }]);
    expect(data.reviews_received.ratings_from_sellers).toMatchObject([{ rating: 5, note: "Paid fast" }]);
    expect(data.sessions).toEqual([
      {
        method: "credentials",
        device: "Safari on iOS (mobile)",
        user_agent: IPHONE,
        ip: "203.0.113.4",
        created_at: expect.any(String),
        last_seen_at: expect.any(String),
        revoked_at: null,
      },
      expect.objectContaining({ method: "github", device: null, revoked_at: expect.any(String) }),
    ]);

    const text = JSON.stringify(data);
    // The session ids ride in the cookies: an export passed on must not carry them.
    expect(text).not.toContain(adaPhone);
    expect(text).not.toContain(adaOld);
    for (const foreign of [
      bob.id,
      bobSession,
      "198.51.100.8",
      bob.email,
      "Bob Otherperson",
      "99 Elsewhere Lane",
      bobOrder.id,
      "Copper wire",
      sellerUser.email,
    ])
      expect(text).not.toContain(foreign);

    // The seller's export has the sale and its review, never the buyer's name, email or address.
    const sellerData = (await exportAccountData(sellerUser.id))!;
    expect(sellerData.sales.map((s) => s.id).sort()).toEqual([adaOrder.id, bobOrder.id].sort());
    expect(sellerData.reviews_received.of_your_products).toHaveLength(2);
    const sellerText = JSON.stringify(sellerData);
    for (const foreign of [ada.id, ada.email, "Ada Lovelace", "12 Analytical Row", bob.email, "Bob Otherperson"])
      expect(sellerText).not.toContain(foreign);
  });
});

describe("account deletion", () => {
  it("needs the password and the word DELETE", async () => {
    const ada = await personWithAddress("Ada", "1 Road");
    await expect(deleteAccount(ada.id, { currentPassword: "Wrong-pass-1", confirm: "DELETE" })).rejects.toMatchObject({
      status: 400,
    });
    await expect(
      deleteAccount(ada.id, { currentPassword: PASSWORD, confirm: "delete" as "DELETE" }),
    ).rejects.toMatchObject({
      status: 400,
    });
    expect((await db().user.findUniqueOrThrow({ where: { id: ada.id } })).status).toBe("active");
  });

  it("is refused while money is in flight: the buyer's order in escrow, then the seller's unpaid balance", async () => {
    const s = await onboardedSeller();
    await db().user.update({ where: { id: s.user.id }, data: { passwordHash: await hashPassword(PASSWORD) } });
    const buyer = await personWithAddress("Pat Buyer", "1 Main St");
    const checkout = await placeCheckout({ buyer, lines: [{ sellerId: s.seller.id, priceCents: 5_000 }] });
    const pi = await payCheckout(checkout.checkout_id, buyer.id);
    await deliver(await eventsAbout([pi.id]));
    const orderId = checkout.orders[0].order_id;

    for (const who of [buyer.id, s.user.id])
      await expect(deleteAccount(who, { currentPassword: PASSWORD, confirm: "DELETE" })).rejects.toMatchObject({
        status: 409,
        message: expect.stringContaining("1 order is still open or holding money in escrow."),
      });

    await shipOrder({
      sellerId: s.seller.id,
      actorId: s.user.id,
      orderId,
      input: { carrier: "UPS", trackingNumber: "1Z999AA1" },
    });
    await confirmDelivery({ buyerId: buyer.id, orderId });
    expect(await releaseEscrow(orderId)).toBe("released");
    // The seller was paid into their Stripe balance but not out to their bank yet.
    await expect(deleteAccount(s.user.id, { currentPassword: PASSWORD, confirm: "DELETE" })).rejects.toMatchObject({
      status: 409,
      details: { reasons: ["Your shop has a USD balance not yet paid out."] },
    });
    expect((await db().user.findUniqueOrThrow({ where: { id: s.user.id } })).status).toBe("active");
    // The buyer's side is settled: they may go.
    await expect(deleteAccount(buyer.id, { currentPassword: PASSWORD, confirm: "DELETE" })).resolves.toBeDefined();
  });

  it("anonymizes the person and keeps the orders, amounts and reviews the other party and the law need", async () => {
    const { seller } = await createSeller(db());
    const street = `${randomBytes(4).toString("hex")} Erasure Street`;
    const ada = await personWithAddress("Ada Lovelace", street);
    const order = await reviewedOrder(ada, seller.id, "Brass gear");
    const signedIn = await createUserSession({ userId: ada.id, method: "credentials", userAgent: IPHONE, ip: null });
    await requestPasswordReset({ email: ada.email }, { ip: ip(), appUrl: "http://localhost:3000" });

    await deleteAccount(ada.id, { currentPassword: PASSWORD, confirm: "DELETE" });

    const gone = await db().user.findUniqueOrThrow({ where: { id: ada.id } });
    expect(gone).toMatchObject({
      email: `deleted-${ada.id}@deleted.invalid`,
      name: null,
      passwordHash: null,
      status: "deleted",
    });
    expect(gone.deletedAt).not.toBeNull();
    expect(await db().address.count({ where: { userId: ada.id } })).toBe(0);
    // The sign-in is gone with its device and IP, and its cookie no longer works.
    expect(await db().userSession.count({ where: { userId: ada.id } })).toBe(0);
    expect(await findSessionUser({ userId: ada.id, sessionId: signedIn })).toBeNull();
    expect(await db().accountToken.count({ where: { userId: ada.id } })).toBe(0);
    expect(await authenticate({ email: ada.email, password: PASSWORD, ip: ip() })).toBeNull();

    const kept = await db().order.findUniqueOrThrow({ where: { id: order.id }, include: { items: true } });
    expect(kept).toMatchObject({
      totalCents: 1000,
      status: "completed",
      items: [{ titleSnapshot: "Brass gear", quantity: 1 }],
    });
    expect(kept.shippingAddress).toMatchObject({
      fullName: "Former customer",
      line1: "",
      city: "Springfield",
      country: "US",
    });
    expect(await db().review.count({ where: { orderId: order.id } })).toBe(1);

    const [row] = await db().$queryRaw<
      { j: string }[]
    >`SELECT to_jsonb(u)::text AS j FROM users u WHERE id = ${ada.id}::uuid`;
    expect(row.j).not.toContain("Ada Lovelace");
    expect(row.j).not.toContain(ada.email);
    const mail = await db().notification.findMany({ where: { userId: ada.id } });
    expect(mail.length).toBeGreaterThan(0);
    expect(
      mail.every((m) => m.toAddress === gone.email && m.body === "" && m.html === null && m.status !== "queued"),
    ).toBe(true);
    for (const table of ["orders", "checkouts", "notifications", "addresses"]) {
      const [hit] = await db().$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT count(*) AS n FROM ${table} t WHERE to_jsonb(t)::text LIKE '%' || $1 || '%' OR to_jsonb(t)::text LIKE '%' || $2 || '%'`,
        street,
        ada.email,
      );
      expect(Number(hit.n), table).toBe(0);
    }
  });
});
