// Every domain event the catalogue sends on a channel writes something there when dispatched:
// a new event (or channel) with no template, or a template that quietly writes nothing, fails
// here. Also: a person who turned off message email still gets the in-app notification.
import { randomUUID } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { updateListing } from "@/lib/catalog/update-listing";
import { db } from "@/lib/db/client";
import { setFavourite } from "@/lib/favourites/set-favourite";
import type { NotificationChannel, OrderStatus, ReturnStatus } from "@/lib/generated/prisma/enums";
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
import { SMS_TEMPLATES } from "./sms-templates";

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

// The order, listing, review and message events; the after-sale, payout and account ones are added below.
const FIXTURES = {
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
} as Record<DomainEventName, Fixture>;

// A return on the world's order at the step an event announces, as lib/returns would leave it.
async function returnAt(w: World, status: ReturnStatus, extra: { refundedCents?: number } = {}) {
  return db().return.create({
    data: {
      orderId: w.order.id,
      status,
      reason: "damaged",
      note: "The lid is cracked.",
      declineReason: ["declined", "escalated", "rejected"].includes(status) ? "Used." : null,
      escalationNote: ["escalated", "rejected"].includes(status) ? "It was not used." : null,
      adminNote: status === "rejected" || status === "accepted" ? "Photos show wear." : null,
      ...(status === "refunded"
        ? {
            refundedAt: new Date(),
            refundTrigger: "seller_receipt" as const,
            refundRestock: true,
            shippingRefundCents: 0,
          }
        : {}),
      carrier: "SimPost",
      trackingNumber: `RT${randomUUID().slice(0, 10)}`,
      refundedCents: extra.refundedCents ?? null,
      items: { create: [{ orderItemId: w.order.items[0].id, quantity: 1 }] },
    },
    select: { id: true },
  });
}
const returnStep = (status: ReturnStatus, event: DomainEventName, from: ReturnStatus | null, hears: Fixture["hears"]) =>
  ({
    status: "delivered",
    run: async (w) => {
      const r = await returnAt(w, status, status === "refunded" ? { refundedCents: 1000 } : {});
      await emit(event, { returnId: r.id, from } as never);
    },
    hears,
  }) satisfies Fixture;

async function claimOn(w: World, status: "open" | "rejected" | "refunded") {
  return db().claim.create({
    data: {
      orderId: w.order.id,
      buyerId: w.buyer.id,
      kind: "damaged",
      description: "It arrived broken.",
      status,
      decisionNote: status === "rejected" ? "No photos." : null,
      decidedAt: status === "open" ? null : new Date(),
      refundedCents: status === "refunded" ? 500 : null,
    },
    select: { id: true },
  });
}

Object.assign(FIXTURES, {
  "order.held": {
    status: "paid",
    run: (w) => emit("order.held", { orderId: w.order.id }),
    hears: { in_app: ["seller"], sms: ["seller"] },
  },
  "product.low_stock": {
    run: (w) => emit("product.low_stock", { productId: w.product.id, inventoryCount: 2, threshold: 5 }),
    hears: { email: ["seller"], in_app: ["seller"] },
  },
  "payout.sent": {
    run: async (w) => {
      const p = await db().payout.create({
        data: {
          sellerId: w.seller.id,
          idempotencyKey: `payout:${w.seller.id}:USD:test`,
          amountCents: 4250,
          currency: "USD",
          status: "in_transit",
          arrivalDate: new Date("2026-12-07T00:00:00Z"),
        },
      });
      await emit("payout.sent", { payoutId: p.id, sellerId: w.seller.id });
    },
    hears: { email: ["seller"], in_app: ["seller"] },
  },
  "return.requested": returnStep("requested", "return.requested", null, { email: ["seller"], in_app: ["seller"] }),
  "return.label_ready": returnStep("accepted", "return.label_ready", null, { email: ["buyer"], in_app: ["buyer"] }),
  "return.accepted": returnStep("accepted", "return.accepted", "escalated", { email: ["seller"], in_app: ["seller"] }),
  "return.declined": returnStep("declined", "return.declined", "requested", { email: ["buyer"], in_app: ["buyer"] }),
  "return.escalated": returnStep("escalated", "return.escalated", "declined", {
    email: ["seller"],
    in_app: ["seller"],
  }),
  "return.rejected": returnStep("rejected", "return.rejected", "escalated", {
    email: ["buyer", "seller"],
    in_app: ["buyer", "seller"],
  }),
  "return.refunded": returnStep("refunded", "return.refunded", "received", {
    email: ["buyer", "seller"],
    in_app: ["buyer", "seller"],
  }),
  "claim.opened": {
    status: "delivered",
    run: async (w) => emit("claim.opened", { claimId: (await claimOn(w, "open")).id }),
    hears: { email: ["buyer", "seller"], in_app: ["buyer", "seller"] },
  },
  "claim.decided": {
    status: "delivered",
    run: async (w) => emit("claim.decided", { claimId: (await claimOn(w, "rejected")).id, outcome: "rejected" }),
    hears: { email: ["buyer", "seller"], in_app: ["buyer", "seller"] },
  },
  "account.password_changed": {
    run: (w) => emit("account.password_changed", { userId: w.buyer.id, via: "change" }),
    hears: { email: ["buyer"], in_app: ["buyer"] },
  },
  "account.email_change_requested": {
    run: (w) =>
      emit("account.email_change_requested", {
        userId: w.buyer.id,
        oldEmail: w.buyer.email,
        newEmail: "new@example.test",
      }),
    hears: { email: ["buyer"] },
  },
  "account.email_changed": {
    run: (w) =>
      emit("account.email_changed", { userId: w.buyer.id, oldEmail: w.buyer.email, newEmail: "new@example.test" }),
    hears: { email: ["buyer"], in_app: ["buyer"] },
  },
  "account.new_sign_in": {
    run: async (w) => {
      const s = await db().userSession.create({
        data: {
          userId: w.sellerUser.id,
          method: "credentials",
          userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0",
          ip: "203.0.113.9",
        },
      });
      await emit("account.new_sign_in", { userId: w.sellerUser.id, sessionId: s.id });
    },
    hears: { email: ["seller"], in_app: ["seller"] },
  },
} satisfies Partial<Record<DomainEventName, Fixture>>);

describe("the notification catalogue", () => {
  it.each(Object.keys(EVENT_NOTIFICATIONS) as DomainEventName[])(
    "%s writes a notification on every channel it targets",
    async (name) => {
      const { channels } = EVENT_NOTIFICATIONS[name];
      const fixture = FIXTURES[name];
      expect(fixture, `${name} has no fixture here: add one that produces it`).toBeDefined();
      if (channels.includes("in_app") || channels.includes("push"))
        expect(IN_APP_TEMPLATES[name], `${name} targets in_app or push but has no in-app template`).toBeDefined();
      if (channels.includes("sms"))
        expect(SMS_TEMPLATES[name], `${name} targets sms but has no SMS template`).toBeDefined();
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
