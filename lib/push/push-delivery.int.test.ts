// Web push end to end on this machine: a domain event becomes one push row per subscribed browser,
// the send-push job (web-push, the real library) posts it to a local HTTPS push service, and the
// test decrypts what arrived with the browser's private key (RFC 8291) and checks the VAPID
// signature. A push service answering 410 removes the subscription; a 500 is retried; quiet hours
// delay the job; the push switch in the preferences turns it off.
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { senderBoss } from "@/lib/jobs/boss";
import { JOBS } from "@/lib/jobs/queues";
import { startConversation } from "@/lib/messages/start-conversation";
import { setNotificationPreferences } from "@/lib/notifications/set-notification-preferences";
import { emitDomainEvent } from "@/lib/outbox/emit-domain-event";
import { createCategory, createProduct, createSeller, createUser } from "@/test/factories";
import {
  decryptPushMessage,
  startLocalPushService,
  verifyVapidHeader,
  type BrowserSubscription,
  type LocalPushService,
} from "@/test/local-push-service";
import { createOrder } from "@/test/order-factories";
import { runDomainEvents } from "@/test/run-domain-events";
import { JOB_HANDLERS } from "@/worker/handlers";

import { savePushSubscription } from "./save-push-subscription";
import type { PushPayload } from "./send-push-notification";

let push: LocalPushService;
let categoryId: number;
beforeAll(async () => {
  push = await startLocalPushService();
  categoryId = (await createCategory(db())).id;
});
afterAll(() => push.close());

async function world(status: OrderStatus = "shipped") {
  const { seller, user: sellerUser } = await createSeller(db());
  const product = await createProduct(db(), { sellerId: seller.id, categoryId });
  const buyer = await createUser(db());
  const order = await createOrder(db(), { buyerId: buyer.id, sellerId: seller.id, productIds: [product.id], status });
  return { seller, sellerUser, product, buyer, order };
}

const shipped = (orderId: string) =>
  db().$transaction((tx) => emitDomainEvent(tx, "order.shipped", { orderId, from: "paid", to: "shipped" }));

async function browser(userId: string): Promise<BrowserSubscription> {
  const sub = push.subscribe(randomUUID());
  await savePushSubscription({ userId, subscription: { endpoint: sub.endpoint, keys: sub.keys } });
  return sub;
}

/** Runs the send-push jobs that are due, as the worker would; returns the errors of those that failed. */
async function runPushJobs(): Promise<unknown[]> {
  const boss = await senderBoss();
  const errors: unknown[] = [];
  for (;;) {
    const jobs = await boss.fetch<{ notificationId: string }>(JOBS.sendPush, { batchSize: 50 });
    if (jobs.length === 0) return errors;
    for (const job of jobs) {
      try {
        await JOB_HANDLERS[JOBS.sendPush](job.data);
        await boss.complete(JOBS.sendPush, job.id);
      } catch (err) {
        errors.push(err);
        // Failed, not retried here: the test runs the handler again itself when it wants a retry.
        await boss.fail(JOBS.sendPush, job.id, { message: String(err) });
      }
    }
  }
}

function receivedBy(sub: BrowserSubscription) {
  return push.received.filter((r) => sub.endpoint.endsWith(r.path));
}

describe("web push delivery", () => {
  it("delivers an order-shipped push that the browser decrypts to the title, body and link, signed with VAPID", async () => {
    const w = await world();
    const sub = await browser(w.buyer.id);
    await shipped(w.order.id);
    await runDomainEvents();
    expect(await runPushJobs()).toEqual([]);

    const [msg] = receivedBy(sub);
    expect(msg, "the push service got the message").toBeDefined();
    expect(msg.headers["content-encoding"]).toBe("aes128gcm");
    expect(Number(msg.headers.ttl)).toBeGreaterThan(0);
    const claims = verifyVapidHeader(msg.headers.authorization as string, {
      publicKey: env().VAPID_PUBLIC_KEY!,
      audience: push.origin,
    });
    expect(claims.sub).toMatch(/^mailto:/);
    // The body is ciphertext: nothing readable travels through the push service.
    expect(msg.body.toString("latin1")).not.toContain("Shipped");

    const payload = JSON.parse(decryptPushMessage(msg.body, sub)) as PushPayload;
    expect(payload).toMatchObject({
      title: `Shipped: your order from ${w.seller.shopName}`,
      link: `/orders/${w.order.id}`,
    });
    expect(payload.body).toContain("is on its way");
    // Another browser's key cannot read it.
    expect(() => decryptPushMessage(msg.body, push.subscribe("someone-else"))).toThrow();

    const row = await db().notification.findFirstOrThrow({ where: { userId: w.buyer.id, channel: "push" } });
    expect(row).toMatchObject({ status: "sent", link: `/orders/${w.order.id}` });
    // A retried dispatch and a retried job send nothing more.
    await runDomainEvents();
    const events = await db().outboxEvent.findMany({ where: { eventType: "order.shipped", aggregateId: w.order.id } });
    const { dispatchDomainEvent } = await import("@/worker/dispatch-domain-event");
    for (const e of events) await dispatchDomainEvent(e.id.toString());
    await JOB_HANDLERS[JOBS.sendPush]({ notificationId: row.id });
    expect(receivedBy(sub)).toHaveLength(1);
    expect(await db().notification.count({ where: { userId: w.buyer.id, channel: "push" } })).toBe(1);
  });

  it("removes a subscription whose push service answers 410 Gone, and still delivers to the person's other browser", async () => {
    const w = await world();
    const alive = await browser(w.buyer.id);
    const gone = await browser(w.buyer.id);
    push.answer(new URL(gone.endpoint).pathname, 410);
    await shipped(w.order.id);
    await runDomainEvents();
    expect(await runPushJobs()).toEqual([]);

    expect(receivedBy(alive)).toHaveLength(1);
    expect(receivedBy(gone)).toHaveLength(1);
    expect(await db().pushSubscription.findUnique({ where: { endpoint: gone.endpoint } })).toBeNull();
    expect(await db().pushSubscription.findUnique({ where: { endpoint: alive.endpoint } })).not.toBeNull();
    const rows = await db().notification.findMany({
      where: { userId: w.buyer.id, channel: "push" },
      select: { status: true, error: true },
    });
    expect(rows.map((r) => r.status).sort()).toEqual(["failed", "sent"]);
    expect(rows.find((r) => r.status === "failed")?.error).toMatch(/410/);

    // The next event reaches only the browser that is left.
    const again = await createOrder(db(), {
      buyerId: w.buyer.id,
      sellerId: w.seller.id,
      productIds: [w.product.id],
      status: "shipped",
    });
    await shipped(again.id);
    await runDomainEvents();
    expect(await runPushJobs()).toEqual([]);
    expect(receivedBy(alive)).toHaveLength(2);
    expect(receivedBy(gone)).toHaveLength(1);
  });

  it("keeps the subscription and retries when the push service fails with a 500", async () => {
    const w = await world();
    const sub = await browser(w.buyer.id);
    const path = new URL(sub.endpoint).pathname;
    push.answer(path, 500);
    await shipped(w.order.id);
    await runDomainEvents();
    const errors = await runPushJobs();
    expect(errors).toHaveLength(1);
    const row = await db().notification.findFirstOrThrow({ where: { userId: w.buyer.id, channel: "push" } });
    expect(row.status).toBe("queued");
    expect(row.error).toMatch(/500/);
    expect(await db().pushSubscription.findUnique({ where: { endpoint: sub.endpoint } })).not.toBeNull();

    // The retry, once the service is back, delivers it.
    push.answer(path, 201);
    expect(await JOB_HANDLERS[JOBS.sendPush]({ notificationId: row.id })).toBe("sent");
    expect(receivedBy(sub)).toHaveLength(2);
    const payload = JSON.parse(decryptPushMessage(receivedBy(sub)[1].body, sub)) as PushPayload;
    expect(payload.title).toContain("Shipped");
  });

  it("pushes a new message to the shop, and nothing to someone who turned message push off", async () => {
    const w = await world("paid");
    const sellerBrowser = await browser(w.sellerUser.id);
    await startConversation({
      buyerId: w.buyer.id,
      topic: { kind: "product", productId: w.product.id },
      message: { body: "Is it still available?" },
    });
    await runDomainEvents();
    await runPushJobs();
    const payload = JSON.parse(decryptPushMessage(receivedBy(sellerBrowser)[0].body, sellerBrowser)) as PushPayload;
    expect(payload.title).toBe("New message from Test User");
    expect(payload.link).toMatch(/^\/seller\/messages\//);

    await setNotificationPreferences({ userId: w.sellerUser.id, enabled: ["messages:in_app", "messages:email"] });
    await startConversation({
      buyerId: w.buyer.id,
      topic: { kind: "product", productId: w.product.id },
      message: { body: "Hello again" },
    });
    await runDomainEvents();
    await runPushJobs();
    expect(receivedBy(sellerBrowser)).toHaveLength(1);
    expect(await db().notification.count({ where: { userId: w.sellerUser.id, channel: "push" } })).toBe(1);
  });

  it("waits for the end of the person's quiet hours: the job starts then", async () => {
    const w = await world();
    const sub = await browser(w.buyer.id);
    // Quiet from an hour ago until two hours from now, in UTC, whatever the clock says.
    const now = new Date();
    const minute = now.getUTCHours() * 60 + now.getUTCMinutes();
    const start = (minute + 1440 - 60) % 1440;
    const end = (minute + 120) % 1440;
    await db().notificationSettings.create({
      data: { userId: w.buyer.id, quietStartMinutes: start, quietEndMinutes: end, timeZone: "UTC" },
    });
    await shipped(w.order.id);
    await runDomainEvents();
    expect(await runPushJobs()).toEqual([]);
    expect(receivedBy(sub)).toHaveLength(0);

    const row = await db().notification.findFirstOrThrow({ where: { userId: w.buyer.id, channel: "push" } });
    expect(row.status).toBe("queued");
    const [job] = await db().$queryRaw<{ start_after: Date }[]>`
      SELECT start_after FROM pgboss.job WHERE name = ${JOBS.sendPush} AND data->>'notificationId' = ${row.id}`;
    const waited = job.start_after.getTime() - now.getTime();
    // Two hours ahead, at the whole minute the quiet hours end.
    expect(waited).toBeGreaterThan(118 * 60_000);
    expect(waited).toBeLessThan(121 * 60_000);
    expect(job.start_after.getUTCHours() * 60 + job.start_after.getUTCMinutes()).toBe(end);
    // In-app is not delayed.
    expect(await db().notification.count({ where: { userId: w.buyer.id, channel: "in_app" } })).toBe(1);
  });
});
