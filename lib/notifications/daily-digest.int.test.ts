// A seller on the daily digest: buyers' messages and new reviews are collected instead of
// emailed one by one, and the hourly cron sends one email a day after 08:00 their time.
import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { startConversation } from "@/lib/messages/start-conversation";
import { createReview } from "@/lib/reviews/write/create-review";
import { createCategory, createProduct, createSeller, createUser } from "@/test/factories";
import { createOrder } from "@/test/order-factories";
import { runDomainEvents } from "@/test/run-domain-events";

import { sendDailyDigests } from "./send-daily-digests";

let categoryId: number;
beforeAll(async () => {
  categoryId = (await createCategory(db())).id;
});

describe("the seller's daily digest", () => {
  it("collects messages and reviews, then sends one email a day after 08:00 local time", async () => {
    const { seller, user: sellerUser } = await createSeller(db());
    const product = await createProduct(db(), { sellerId: seller.id, categoryId });
    const buyer = await createUser(db());
    const order = await createOrder(db(), { buyerId: buyer.id, sellerId: seller.id, productIds: [product.id] });
    // Tokyo is UTC+9 all year.
    await db().notificationSettings.create({
      data: { userId: sellerUser.id, dailyDigest: true, timeZone: "Asia/Tokyo" },
    });

    await startConversation({
      buyerId: buyer.id,
      topic: { kind: "product", productId: product.id },
      message: { body: "Does it come in blue?" },
    });
    await createReview({
      buyerId: buyer.id,
      orderId: order.id,
      input: { rating: 4, title: "Nice and sturdy", body: "Arrived quickly and works well." },
    });
    await runDomainEvents();
    // No message email: it waits for the digest. The buyer's side is unchanged.
    expect(await db().notification.count({ where: { userId: sellerUser.id, channel: "email" } })).toBe(0);
    expect(await db().digestItem.count({ where: { userId: sellerUser.id, digestedAt: null } })).toBe(2);
    // The in-app bell still rings at once.
    expect(await db().notification.count({ where: { userId: sellerUser.id, channel: "in_app" } })).toBe(2);

    // 07:30 in Tokyo tomorrow: too early.
    expect(await sendDailyDigests(tokyo(1, 7, 30))).toBe(0);
    // 08:05: one digest.
    expect(await sendDailyDigests(tokyo(1, 8, 5))).toBe(1);
    const [digest] = await db().notification.findMany({ where: { userId: sellerUser.id, template: "daily-digest" } });
    expect(digest.subject).toBe("Your day on Marketplace: 1 new message and 1 new review");
    expect(digest.body).toContain("Does it come in blue?");
    expect(digest.body).toContain("4-star review of");
    expect(digest.body).toContain("/seller/messages/");
    expect(await db().digestItem.count({ where: { userId: sellerUser.id, digestedAt: null } })).toBe(0);

    // Another message: the same Tokyo day sends nothing more, the next morning sends it.
    await startConversation({
      buyerId: buyer.id,
      topic: { kind: "product", productId: product.id },
      message: { body: "And in green?" },
    });
    await runDomainEvents();
    expect(await sendDailyDigests(tokyo(1, 23, 59))).toBe(0);
    expect(await sendDailyDigests(tokyo(2, 8, 10))).toBe(1);
    const digests = await db().notification.findMany({
      where: { userId: sellerUser.id, template: "daily-digest" },
      orderBy: { createdAt: "asc" },
    });
    expect(digests).toHaveLength(2);
    expect(digests[1].subject).toBe("Your day on Marketplace: 1 new message");
    expect(digests[1].body).toContain("And in green?");
    expect(digests[1].body).not.toContain("blue");
  });

  it("is for sellers only, and off by default: a seller not on it gets each message email", async () => {
    const { seller, user: sellerUser } = await createSeller(db());
    const product = await createProduct(db(), { sellerId: seller.id, categoryId });
    const buyer = await createUser(db());
    await startConversation({
      buyerId: buyer.id,
      topic: { kind: "product", productId: product.id },
      message: { body: "Hello?" },
    });
    await runDomainEvents();
    expect(await db().notification.count({ where: { userId: sellerUser.id, channel: "email" } })).toBe(1);
    expect(await db().digestItem.count({ where: { userId: sellerUser.id } })).toBe(0);
  });
});

/** hh:mm in Tokyo (UTC+9, no DST), `days` after today's Tokyo date: always after now. */
function tokyo(days: number, h: number, m: number): Date {
  const today = new Date(Date.now() + 9 * 3600_000);
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + days, h - 9, m));
}
