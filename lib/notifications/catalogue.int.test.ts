// Every domain event the catalogue sends on a channel writes something there when dispatched:
// a new event (or channel) with no template, or a template that quietly writes nothing, fails
// here. Also: a person who turned off message email still gets the in-app notification.
import { randomUUID } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { updateListing } from "@/lib/catalog/update-listing";
import { db } from "@/lib/db/client";
import { setFavourite } from "@/lib/favourites/set-favourite";
import type { NotificationChannel, OrderStatus } from "@/lib/generated/prisma/enums";
import { updateStock } from "@/lib/inventory/update-stock";
import { startConversation } from "@/lib/messages/start-conversation";
import { emitDomainEvent } from "@/lib/outbox/emit-domain-event";
import type { DomainEventName, DomainEvents } from "@/lib/outbox/events";
import { createReview } from "@/lib/reviews/write/create-review";
import { createCategory, createProduct, createSeller, createUser } from "@/test/factories";
import { createOrder } from "@/test/order-factories";
import { runDomainEvents } from "@/test/run-domain-events";

import { EVENT_NOTIFICATIONS } from "./catalogue";
import { listInAppNotifications, markAllNotificationsRead, markNotificationRead } from "./in-app-notifications";
import { IN_APP_TEMPLATES } from "./in-app-templates";
import { listNotificationPreferences, setNotificationPreferences } from "./set-notification-preferences";

let categoryId: number;
beforeAll(async () => {
  categoryId = (await createCategory(db())).id;
});

async function world(status: OrderStatus = "paid") {
  const { seller, user: sellerUser } = await createSeller(db());
  // Connected payouts, so the delivery email (which needs them) is written too.
  await db().sellerProfile.update({
    where: { id: seller.id },
    data: { stripeAccountId: `acct_${randomUUID().slice(0, 12)}` },
  });
  const product = await createProduct(db(), { sellerId: seller.id, categoryId });
  const buyer = await createUser(db());
  const order = await createOrder(db(), { buyerId: buyer.id, sellerId: seller.id, productIds: [product.id], status });
  // Both can be reached by push (a browser each) and SMS (a number, and SMS turned on for orders).
  for (const [i, userId] of [buyer.id, sellerUser.id].entries()) {
    await db().pushSubscription.create({
      data: {
        userId,
        endpoint: `https://push.example.test/${randomUUID()}`,
        p256dh: "p".repeat(87),
        auth: "a".repeat(22),
      },
    });
    await db().notificationSettings.create({ data: { userId, phoneNumber: `+1415555010${i}` } });
    await db().notificationPreference.create({ data: { userId, group: "orders", channel: "sms", enabled: true } });
  }
  return { seller, sellerUser, product, buyer, order };
}
type World = Awaited<ReturnType<typeof world>>;

function emit<N extends DomainEventName>(name: N, payload: DomainEvents[N]) {
  return db().$transaction((tx) => emitDomainEvent(tx, name, payload));
}
const moved = (w: World, to: OrderStatus) =>
  emit(`order.${to}` as DomainEventName, { orderId: w.order.id, from: "paid", to } as never);

type Fixture = {
  status?: OrderStatus;
  /** Produces the event through the path that announces it (or emits it as that path would). */
  run: (w: World) => Promise<unknown>;
  /** Who hears it on each channel: the buyer, the seller or both (push: whoever hears it in-app). */
  hears: Partial<Record<NotificationChannel, ("buyer" | "seller")[]>>;
};

const FIXTURES: { [N in DomainEventName]: Fixture } = {
  "order.paid": {
    status: "paid",
    run: (w) => moved(w, "paid"),
    hears: { email: ["buyer", "seller"], in_app: ["buyer", "seller"] },
  },
  "order.shipped": {
    status: "shipped",
    run: (w) => moved(w, "shipped"),
    hears: { email: ["buyer"], in_app: ["buyer"], sms: ["buyer"] },
  },
  "order.delivered": {
    status: "delivered",
    run: (w) => moved(w, "delivered"),
    hears: { email: ["seller"], in_app: ["seller"] },
  },
  "order.completed": { status: "completed", run: (w) => moved(w, "completed"), hears: { email: ["seller"] } },
  "order.disputed": { status: "disputed", run: (w) => moved(w, "disputed"), hears: { email: ["seller"] } },
  "order.refunded": { status: "refunded", run: (w) => moved(w, "refunded"), hears: { email: ["buyer", "seller"] } },
  "order.cancelled": { status: "cancelled", run: (w) => moved(w, "cancelled"), hears: {} },
  "order.partially_refunded": {
    run: (w) =>
      emit("order.partially_refunded", {
        orderId: w.order.id,
        refundId: randomUUID(),
        amountCents: 300,
        reason: "a scratch",
        kind: "admin",
      }),
    hears: { email: ["buyer", "seller"] },
  },
  "order.release_blocked": {
    status: "delivered",
    run: (w) =>
      emit("order.release_blocked", { orderId: w.order.id, code: "stripe_error", reason: "Stripe was down." }),
    hears: { email: ["seller"], sms: ["seller"] },
  },
  "listing.approved": {
    run: (w) => emit("listing.approved", { productId: w.product.id }),
    hears: { email: ["seller"], in_app: ["seller"] },
  },
  "listing.rejected": {
    run: (w) => emit("listing.rejected", { productId: w.product.id, reason: "Photos show a different item." }),
    hears: { email: ["seller"], in_app: ["seller"] },
  },
  "review.received": {
    status: "delivered",
    run: (w) =>
      createReview({
        buyerId: w.buyer.id,
        orderId: w.order.id,
        input: { rating: 5, title: "Lovely", body: "Works well and looks good." },
      }),
    hears: { email: ["seller"], in_app: ["seller"] },
  },
  "message.sent": {
    run: (w) =>
      startConversation({
        buyerId: w.buyer.id,
        topic: { kind: "product", productId: w.product.id },
        message: { body: "Still available?" },
      }),
    hears: { email: ["seller"], in_app: ["seller"] },
  },
  // The buyer saved the listing; the seller sells out, then restocks (through the stock page's path).
  "product.back_in_stock": {
    run: async (w) => {
      await setFavourite({ userId: w.buyer.id, productId: w.product.id, favourite: true });
      const seller = { sellerId: w.seller.id, actorId: w.sellerUser.id, productId: w.product.id };
      await updateStock({ ...seller, count: 0 });
      await updateStock({ ...seller, count: 4 });
    },
    hears: { email: ["buyer"], in_app: ["buyer"] },
  },
  "product.price_dropped": {
    run: async (w) => {
      await setFavourite({ userId: w.buyer.id, productId: w.product.id, favourite: true });
      await updateListing({
        sellerId: w.seller.id,
        actorId: w.sellerUser.id,
        productId: w.product.id,
        input: { priceCents: w.product.priceCents - 500 },
      });
    },
    hears: { email: ["buyer"], in_app: ["buyer"] },
  },
};

describe("the notification catalogue", () => {
  it.each(Object.keys(EVENT_NOTIFICATIONS) as DomainEventName[])(
    "%s writes a notification on every channel it targets",
    async (name) => {
      const { channels } = EVENT_NOTIFICATIONS[name];
      const fixture = FIXTURES[name];
      if (channels.includes("in_app"))
        expect(IN_APP_TEMPLATES[name], `${name} targets in_app but has no in-app template`).toBeDefined();
      const w = await world(fixture.status);
      await fixture.run(w);
      await runDomainEvents();
      for (const channel of ["email", "in_app", "push", "sms"] as const) {
        const people = (channel === "push" ? fixture.hears.in_app : fixture.hears[channel]) ?? [];
        const expected = channels.includes(channel)
          ? people.map((p) => (p === "buyer" ? w.buyer.id : w.sellerUser.id)).sort()
          : [];
        const written = await db().notification.findMany({
          where: { channel, userId: { in: [w.buyer.id, w.sellerUser.id] } },
          select: { userId: true, subject: true, body: true, link: true },
        });
        expect(written.map((n) => n.userId).sort(), `${name} on ${channel}`).toEqual(expected);
        for (const n of written) {
          expect(n.subject.length, `${name} ${channel} subject`).toBeGreaterThan(0);
          if (channel === "in_app" || channel === "push") expect(n.link, `${name} ${channel} link`).toMatch(/^\//);
        }
      }
      // A retried dispatch writes nothing more.
      const count = await db().notification.count({ where: { userId: { in: [w.buyer.id, w.sellerUser.id] } } });
      const events = await db().outboxEvent.findMany({ where: { eventType: name }, select: { id: true } });
      const { dispatchDomainEvent } = await import("@/worker/dispatch-domain-event");
      for (const e of events) await dispatchDomainEvent(e.id.toString());
      expect(await db().notification.count({ where: { userId: { in: [w.buyer.id, w.sellerUser.id] } } })).toBe(count);
    },
  );
});

describe("preferences and the bell", () => {
  it("with message email turned off, a new message is in-app only; order email cannot be turned off", async () => {
    const w = await world("paid");
    await setNotificationPreferences({
      userId: w.sellerUser.id,
      enabled: ["orders:in_app", "listings:in_app", "reviews:in_app", "messages:in_app", "orders:email"],
    });
    const prefs = await listNotificationPreferences(w.sellerUser.id);
    expect(prefs.find((p) => p.group === "messages" && p.channel === "email")?.enabled).toBe(false);
    expect(prefs.find((p) => p.group === "orders" && p.channel === "email")).toMatchObject({
      enabled: true,
      locked: expect.any(String),
    });

    const { conversationId } = await startConversation({
      buyerId: w.buyer.id,
      topic: { kind: "product", productId: w.product.id },
      message: { body: "Can you gift wrap it?" },
    });
    await moved(w, "paid");
    // Even a form that leaves order email unticked keeps it on.
    await setNotificationPreferences({ userId: w.sellerUser.id, enabled: [] });
    await runDomainEvents();
    const sellerMail = await db().notification.findMany({
      where: { userId: w.sellerUser.id, channel: "email" },
      select: { template: true },
    });
    expect(sellerMail.map((n) => n.template)).toEqual(["order-paid-seller"]);
    // The preferences are read when the event is dispatched: in-app was off by then too.
    expect(await db().notification.count({ where: { userId: w.sellerUser.id, channel: "in_app" } })).toBe(0);

    await setNotificationPreferences({ userId: w.sellerUser.id, enabled: ["messages:in_app"] });
    await startConversation({
      buyerId: w.buyer.id,
      topic: { kind: "product", productId: w.product.id },
      message: { body: "And a card?" },
    });
    await runDomainEvents();
    const bell = await listInAppNotifications({ userId: w.sellerUser.id });
    expect(bell.unread).toBe(1);
    expect(bell.notifications.map((n) => [n.title, n.link])).toEqual([
      [`New message from Test User`, `/seller/messages/${conversationId}`],
    ]);
    expect(
      await db().notification.count({
        where: { userId: w.sellerUser.id, channel: "email", template: "message-received" },
      }),
    ).toBe(0);

    // Marking read: someone else's id changes nothing; one's own returns its link; then all.
    expect(await markNotificationRead({ userId: w.buyer.id, notificationId: bell.notifications[0].id })).toBeNull();
    expect((await listInAppNotifications({ userId: w.sellerUser.id })).unread).toBe(1);
    expect(await markNotificationRead({ userId: w.sellerUser.id, notificationId: bell.notifications[0].id })).toBe(
      `/seller/messages/${conversationId}`,
    );
    expect((await listInAppNotifications({ userId: w.sellerUser.id })).unread).toBe(0);
    expect(await markAllNotificationsRead(w.buyer.id)).toBeGreaterThanOrEqual(0);
  });
});
