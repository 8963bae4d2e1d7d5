import { randomBytes, randomUUID } from "node:crypto";

import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { memoryAdmissionGate } from "@/lib/orders/admission-gate";
import { createCheckout } from "@/lib/orders/create-checkout";
import { becomeSeller } from "@/lib/sellers/become-seller";
import { endSessions } from "@/test/end-sessions";
import { createBuyerWithAddress, createCategory, createProduct, createSeller } from "@/test/factories";

import { createAccount } from "./create-account";
import { hashAccountToken } from "./hash-account-token";
import { resendEmailVerification } from "./resend-email-verification";
import { verifyEmail } from "./verify-email";

const ip = () => `10.3.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
const appUrl = "http://localhost:3000";

async function signUp() {
  const email = `v-${randomBytes(4).toString("hex")}@example.test`;
  const user = await createAccount({ email, password: "Good-password-1", name: "Vera" }, { ip: ip(), appUrl });
  return { ...user, email };
}

async function verificationToken(to: string): Promise<string> {
  const mail = await db().notification.findFirstOrThrow({
    where: { toAddress: to, template: "email-verification" },
    orderBy: { createdAt: "desc" },
  });
  const match = /\/verify-email\?token=([A-Za-z0-9_-]+)/.exec(mail.body);
  expect(match, mail.body).not.toBeNull();
  return match![1];
}

const verified = async (id: string) => (await db().user.findUniqueOrThrow({ where: { id } })).emailVerified;

describe("email verification", () => {
  it("sign-up emails a one-time link that confirms the address, stored only as its hash", async () => {
    const user = await signUp();
    expect(await verified(user.id)).toBeNull();
    const token = await verificationToken(user.email);
    const row = await db().accountToken.findFirstOrThrow({ where: { userId: user.id, purpose: "email_verification" } });
    expect(row.tokenHash).toBe(hashAccountToken(token));
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(48 * 3_600_000);

    expect(await verifyEmail({ token }, { ip: ip(), appUrl, endSessions })).toEqual({
      userId: user.id,
      email: user.email,
      changed: false,
    });
    expect(await verified(user.id)).not.toBeNull();
    await expect(verifyEmail({ token }, { ip: ip(), appUrl, endSessions })).rejects.toMatchObject({ status: 400 });
  });

  it("refuses an expired link, a made-up one and a password reset token", async () => {
    const user = await signUp();
    const token = await verificationToken(user.email);
    await db().accountToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    await expect(verifyEmail({ token }, { ip: ip(), appUrl, endSessions })).rejects.toMatchObject({ status: 400 });
    await expect(
      verifyEmail({ token: randomBytes(32).toString("base64url") }, { ip: ip(), appUrl, endSessions }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(verifyEmail({ token: "" }, { ip: ip(), appUrl, endSessions })).rejects.toMatchObject({ status: 400 });
    expect(await verified(user.id)).toBeNull();
  });

  it("resends a new link (the old one stops working), refuses when already confirmed, and is rate limited", async () => {
    const user = await signUp();
    const first = await verificationToken(user.email);
    expect(await resendEmailVerification(user.id, { appUrl })).toEqual({ email: user.email });
    const second = await verificationToken(user.email);
    expect(second).not.toBe(first);
    await expect(verifyEmail({ token: first }, { ip: ip(), appUrl, endSessions })).rejects.toMatchObject({
      status: 400,
    });
    await verifyEmail({ token: second }, { ip: ip(), appUrl, endSessions });
    await expect(resendEmailVerification(user.id, { appUrl })).rejects.toMatchObject({ status: 409 });

    const other = await signUp();
    for (let i = 0; i < 5; i++) await resendEmailVerification(other.id, { appUrl });
    await expect(resendEmailVerification(other.id, { appUrl })).rejects.toMatchObject({ status: 429 });
  });

  it("an unconfirmed person can't open a shop: 403 email_unverified saying how to confirm; once confirmed they can", async () => {
    const user = await signUp();
    const shop = { shopName: "Vera's", slug: `vera-${user.id.slice(0, 8)}` };
    await expect(becomeSeller(user.id, shop, { appUrl })).rejects.toMatchObject({
      status: 403,
      code: "email_unverified",
      message: expect.stringMatching(/Confirm your email address before opening a shop\..*\/account\/settings/),
    });
    expect(await db().sellerProfile.count({ where: { userId: user.id } })).toBe(0);
    await verifyEmail({ token: await verificationToken(user.email) }, { ip: ip(), appUrl, endSessions });
    await expect(becomeSeller(user.id, shop, { appUrl })).resolves.toMatchObject({ slug: shop.slug });
  });

  it("checkout above UNVERIFIED_CHECKOUT_LIMIT_CENTS needs a confirmed address; below it does not", async () => {
    const limit = env().UNVERIFIED_CHECKOUT_LIMIT_CENTS;
    expect(limit).toBe(10_000);
    const categoryId = (await createCategory(db())).id;
    const { seller } = await createSeller(db());
    const cheap = await createProduct(db(), { sellerId: seller.id, categoryId, priceCents: limit });
    const dear = await createProduct(db(), { sellerId: seller.id, categoryId, priceCents: limit + 1 });
    const buyer = await createBuyerWithAddress(db());
    await db().user.update({ where: { id: buyer.id }, data: { emailVerified: null } });
    const checkout = (productId: string, price: number) =>
      createCheckout({
        buyerId: buyer.id,
        cartKey: `u:${buyer.id}`,
        lines: [{ productId, quantity: 1, unitPriceCentsAdded: price, addedAt: Date.now() }],
        gate: memoryAdmissionGate(),
        idempotencyKey: randomUUID(),
        input: { cart_id: `u:${buyer.id}`, shipping_address_id: buyer.addressId },
      });

    await expect(checkout(dear.id, limit + 1)).rejects.toMatchObject({
      status: 403,
      code: "email_unverified",
      message: expect.stringContaining("Confirm your email address to place an order of this size."),
    });
    expect(await db().order.count({ where: { buyerId: buyer.id } })).toBe(0);
    // Refused before the write: no stock reserved, no Idempotency-Key taken.
    expect((await db().product.findUniqueOrThrow({ where: { id: dear.id } })).inventoryCount).toBe(dear.inventoryCount);
    expect(await db().idempotencyKey.count({ where: { scope: `checkout:${buyer.id}` } })).toBe(0);
    expect((await checkout(cheap.id, limit)).status).toBe(201);
    await db().user.update({ where: { id: buyer.id }, data: { emailVerified: new Date() } });
    expect((await checkout(dear.id, limit + 1)).status).toBe(201);
  });
});
