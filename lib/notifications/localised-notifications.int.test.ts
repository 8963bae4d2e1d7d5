// Notifications in the recipient's language: the strings from the per-locale catalogue, money
// and dates formatted by Intl for that locale, English for a locale we have no strings for. Also
// the paths that announce the new events: a sale crossing the low-stock threshold, a sign-in
// from a new browser, the language chosen at sign-up and in the notification settings.
import { randomBytes, randomUUID } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { createUserSession } from "@/lib/auth/create-user-session";
import { db } from "@/lib/db/client";
import { announceLowStock } from "@/lib/inventory/announce-low-stock";
import { emitDomainEvent } from "@/lib/outbox/emit-domain-event";
import { createAccount } from "@/lib/users/create-account";
import { createCategory, createProduct, createSeller, createUser } from "@/test/factories";
import { createOrder } from "@/test/order-factories";
import { runDomainEvents } from "@/test/run-domain-events";

import { setNotificationSettings, ZNotificationSettings } from "./notification-settings";

let categoryId: number;
beforeAll(async () => {
  categoryId = (await createCategory(db())).id;
});

async function sellerSpeaking(locale: string) {
  const s = await createSeller(db());
  await db().user.update({ where: { id: s.user.id }, data: { locale, name: "Ana" } });
  return s;
}

async function payoutTo(sellerId: string) {
  const p = await db().payout.create({
    data: {
      sellerId,
      idempotencyKey: `payout:${sellerId}:EUR:${randomUUID()}`,
      amountCents: 4250,
      currency: "EUR",
      status: "in_transit",
      createdAt: new Date("2026-12-04T10:00:00Z"),
      arrivalDate: new Date("2026-12-07T00:00:00Z"),
    },
  });
  await db().$transaction((tx) => emitDomainEvent(tx, "payout.sent", { payoutId: p.id, sellerId }));
  await runDomainEvents();
  return db().notification.findMany({
    where: { userId: (await db().sellerProfile.findUniqueOrThrow({ where: { id: sellerId } })).userId },
    orderBy: { channel: "asc" },
    select: { channel: true, subject: true, body: true, html: true, unsubscribeUrl: true },
  });
}

describe("notifications in the recipient's language", () => {
  it("a German seller's payout email and note are in German, with euros and dates formatted for de", async () => {
    const { seller } = await sellerSpeaking("de");
    const [email, inApp] = await payoutTo(seller.id);
    expect(email.channel).toBe("email");
    expect(email.subject).toBe("Auszahlung von 42,50\u00a0€ ist unterwegs zu Ihrer Bank");
    expect(email.body).toContain("Hallo Ana,");
    expect(email.body).toContain("am 4. Dezember 2026 42,50\u00a0€");
    expect(email.body).toContain("bis 7. Dezember 2026");
    // The shared layout follows: German footer, lang="de", and no unsubscribe (payout email is locked).
    expect(email.body).toContain(
      "Sie erhalten diese E-Mail von Marketplace, weil es um die Auszahlungen Ihres Shops geht.",
    );
    expect(email.html).toContain('lang="de"');
    expect(email.html).toContain("Benachrichtigungseinstellungen");
    expect(email.unsubscribeUrl).toBeNull();
    expect(inApp).toMatchObject({ channel: "in_app", subject: "Auszahlung gesendet: 42,50\u00a0€" });
  });

  it("an English seller reads the same event in English; a locale without strings falls back to English", async () => {
    for (const locale of ["en", "fr"]) {
      const { seller } = await sellerSpeaking(locale);
      const [email] = await payoutTo(seller.id);
      expect(email.subject).toBe("Payout of €42.50 on its way to your bank");
      expect(email.body).toContain("Hi Ana,");
      expect(email.body).toContain("on December 4, 2026");
      expect(email.body).toContain("by December 7, 2026");
      expect(email.html).toContain('lang="en"');
    }
  });
});

describe("low stock after a sale", () => {
  it("is announced once, by the sale that crosses the threshold; later sales below it announce nothing", async () => {
    const { seller, user } = await sellerSpeaking("en");
    const product = await createProduct(db(), { sellerId: seller.id, categoryId });
    const buyer = await createUser(db());
    await db().product.update({ where: { id: product.id }, data: { lowStockThreshold: 5, inventoryCount: 7 } });
    // Checkout took the stock: 7 → 6 (still above 5), then 6 → 5 (crosses), then 5 → 4 (already below).
    const sales: number[] = [];
    for (const left of [6, 5, 4]) {
      const order = await createOrder(db(), {
        buyerId: buyer.id,
        sellerId: seller.id,
        productIds: [product.id],
        status: "paid",
      });
      await db().product.update({ where: { id: product.id }, data: { inventoryCount: left } });
      sales.push(await db().$transaction((tx) => announceLowStock(tx, order.id)));
    }
    expect(sales).toEqual([0, 1, 0]);
    await runDomainEvents();
    const notes = await db().notification.findMany({
      where: { userId: user.id, template: "low-stock" },
      orderBy: { channel: "asc" },
      select: { channel: true, subject: true, link: true, unsubscribeUrl: true },
    });
    expect(notes).toEqual([
      {
        channel: "email",
        subject: `Low stock: ${product.title} (5 left)`,
        link: null,
        unsubscribeUrl: expect.stringContaining("/api/v1/unsubscribe?token="),
      },
      { channel: "in_app", subject: `Low stock: ${product.title}`, link: "/seller/inventory", unsubscribeUrl: null },
    ]);
  });

  it("a sale that takes the last one says sold out", async () => {
    const { seller, user } = await sellerSpeaking("de");
    const product = await createProduct(db(), { sellerId: seller.id, categoryId });
    const buyer = await createUser(db());
    const order = await createOrder(db(), {
      buyerId: buyer.id,
      sellerId: seller.id,
      productIds: [product.id],
      status: "paid",
    });
    await db().product.update({ where: { id: product.id }, data: { lowStockThreshold: 2, inventoryCount: 0 } });
    expect(await db().$transaction((tx) => announceLowStock(tx, order.id))).toBe(1);
    await runDomainEvents();
    const email = await db().notification.findFirstOrThrow({
      where: { userId: user.id, channel: "email", template: "low-stock" },
    });
    expect(email.subject).toBe(`Ausverkauft: ${product.title} (keine mehr)`);
    expect(email.body).toContain(`ist ${product.title} ausverkauft`);
  });
});

describe("a sign-in from a new browser", () => {
  const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";
  const SAFARI =
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1";

  it("emails the holder (always: security email can't be turned off); the first sign-in and a known browser don't", async () => {
    const user = await createUser(db());
    await db().notificationPreference.create({
      data: { userId: user.id, group: "security", channel: "email", enabled: false },
    });
    const signIn = (userAgent: string) =>
      createUserSession({ userId: user.id, method: "credentials", userAgent, ip: "198.51.100.7" });
    await signIn(FIREFOX); // the account's first: the browser that made it
    await signIn(FIREFOX); // known
    const sessionId = await signIn(SAFARI); // new
    await signIn(SAFARI); // known now
    const events = await db().outboxEvent.findMany({
      where: { eventType: "account.new_sign_in", aggregateId: user.id },
    });
    expect(events.map((e) => e.payload)).toEqual([{ userId: user.id, sessionId }]);
    await runDomainEvents();
    const mail = await db().notification.findMany({
      where: { userId: user.id, template: "new-sign-in" },
      orderBy: { channel: "asc" },
      select: { channel: true, toAddress: true, subject: true, body: true, unsubscribeUrl: true },
    });
    expect(mail.map((m) => [m.channel, m.subject])).toEqual([
      ["email", "New sign-in to your marketplace account"],
      ["in_app", "New sign-in from Safari on iOS (mobile)"],
    ]);
    expect(mail[0]).toMatchObject({ toAddress: user.email, unsubscribeUrl: null });
    expect(mail[0].body).toContain("Safari on iOS (mobile)");
    expect(mail[0].body).toContain("from the address 198.51.100.7");
    expect(mail[0].body).toContain("/account/security");
  });
});

describe("choosing the language", () => {
  it("is taken at sign-up, and changed (or refused) in the notification settings", async () => {
    const email = `Buyer-${randomBytes(4).toString("hex")}@example.test`;
    const { id } = await createAccount(
      { email, password: "Long-enough-pass-1", name: "Jo" },
      { ip: `10.9.${randomBytes(1)[0]}.${randomBytes(1)[0]}`, appUrl: "http://localhost:3000", locale: "de" },
    );
    expect((await db().user.findUniqueOrThrow({ where: { id } })).locale).toBe("de");
    const base = { phoneNumber: "", quietStart: "", quietEnd: "", timeZone: "UTC", dailyDigest: false };
    const bad = ZNotificationSettings.safeParse({ ...base, locale: "fr" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ["locale"], message: "Choose English or Deutsch." });
    await setNotificationSettings({
      userId: id,
      isSeller: false,
      input: ZNotificationSettings.parse({ ...base, locale: "en" }),
    });
    expect((await db().user.findUniqueOrThrow({ where: { id } })).locale).toBe("en");
    // A form without the field leaves the language alone.
    await db().user.update({ where: { id }, data: { locale: "de" } });
    await setNotificationSettings({ userId: id, isSeller: false, input: ZNotificationSettings.parse(base) });
    expect((await db().user.findUniqueOrThrow({ where: { id } })).locale).toBe("de");
  });
});
