// Text messages: off until the person opts in and gives a number; then an order shipped becomes
// an `sms` row in the dev inbox (admins' /admin/sms); quiet hours delay it. The Twilio provider
// is checked against a local HTTP server speaking Twilio's documented Messages API.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { senderBoss } from "@/lib/jobs/boss";
import { JOBS } from "@/lib/jobs/queues";
import { setNotificationSettings, ZNotificationSettings } from "@/lib/notifications/notification-settings";
import { setNotificationPreferences } from "@/lib/notifications/set-notification-preferences";
import { emitDomainEvent } from "@/lib/outbox/emit-domain-event";
import { createCategory, createProduct, createSeller, createUser } from "@/test/factories";
import { createOrder } from "@/test/order-factories";
import { runDomainEvents } from "@/test/run-domain-events";
import { JOB_HANDLERS } from "@/worker/handlers";

import { listSmsInbox } from "./list-sms-inbox";
import { sendSmsNotification } from "./send-sms-notification";
import { twilioSmsProvider } from "./twilio-sms-provider";

let categoryId: number;
beforeAll(async () => {
  categoryId = (await createCategory(db())).id;
});

async function shippedOrder() {
  const { seller } = await createSeller(db());
  const product = await createProduct(db(), { sellerId: seller.id, categoryId });
  const buyer = await createUser(db());
  const order = await createOrder(db(), {
    buyerId: buyer.id,
    sellerId: seller.id,
    productIds: [product.id],
    status: "shipped",
  });
  return { seller, buyer, order };
}
const emitShipped = (orderId: string) =>
  db().$transaction((tx) => emitDomainEvent(tx, "order.shipped", { orderId, from: "paid", to: "shipped" }));

const settings = (over: Partial<Record<string, unknown>> = {}) =>
  ZNotificationSettings.parse({
    phoneNumber: "+1 415 555 0123",
    quietStart: "",
    quietEnd: "",
    timeZone: "UTC",
    dailyDigest: false,
    ...over,
  });

const ALL_ORDERS_ON = ["orders:in_app", "orders:push", "orders:sms"];

describe("SMS through the dev inbox", () => {
  it("sends nothing until the person opts in, then an order-shipped text to their E.164 number", async () => {
    const w = await shippedOrder();
    await setNotificationSettings({ userId: w.buyer.id, isSeller: false, input: settings() });
    await emitShipped(w.order.id);
    await runDomainEvents();
    // A number alone is not consent: SMS is off by default.
    expect(await db().notification.count({ where: { userId: w.buyer.id, channel: "sms" } })).toBe(0);

    await setNotificationPreferences({ userId: w.buyer.id, enabled: ALL_ORDERS_ON });
    const again = await createOrder(db(), {
      buyerId: w.buyer.id,
      sellerId: w.seller.id,
      productIds: [(await db().product.findFirstOrThrow({ where: { sellerId: w.seller.id } })).id],
      status: "shipped",
    });
    await emitShipped(again.id);
    await runDomainEvents();
    const boss = await senderBoss();
    const jobs = await boss.fetch<{ notificationId: string }>(JOBS.sendSms, { batchSize: 10 });
    expect(jobs).toHaveLength(1);
    expect(await JOB_HANDLERS[JOBS.sendSms](jobs[0].data)).toBe("sent");
    await boss.complete(JOBS.sendSms, jobs[0].id);

    const inbox = await listSmsInbox({ to: "+14155550123" });
    expect(inbox.messages).toHaveLength(1);
    expect(inbox.messages[0]).toMatchObject({ to: "+14155550123", status: "sent", template: "order-shipped-buyer" });
    expect(inbox.messages[0].body).toContain(`/orders/${again.id}`);
    expect(inbox.messages[0].body).toContain(w.seller.shopName);
    // The mailbox stays email only.
    expect((await listSmsInbox({ to: "+19999999999" })).total).toBe(0);
  });

  it("delays a text due inside quiet hours (overnight, in the person's zone) until they end", async () => {
    const w = await shippedOrder();
    const now = new Date();
    const minute = now.getUTCHours() * 60 + now.getUTCMinutes();
    const fmt = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
    await setNotificationSettings({
      userId: w.buyer.id,
      isSeller: false,
      input: settings({ quietStart: fmt((minute + 1440 - 30) % 1440), quietEnd: fmt((minute + 90) % 1440) }),
    });
    await setNotificationPreferences({ userId: w.buyer.id, enabled: ALL_ORDERS_ON });
    await emitShipped(w.order.id);
    await runDomainEvents();
    const row = await db().notification.findFirstOrThrow({ where: { userId: w.buyer.id, channel: "sms" } });
    const [job] = await db().$queryRaw<{ start_after: Date }[]>`
      SELECT start_after FROM pgboss.job WHERE name = ${JOBS.sendSms} AND data->>'notificationId' = ${row.id}`;
    const waited = job.start_after.getTime() - now.getTime();
    expect(waited).toBeGreaterThan(88 * 60_000);
    expect(waited).toBeLessThan(91 * 60_000);
    // Email is not delayed: the shipped email is queued for delivery now.
    const email = await db().notification.findFirstOrThrow({ where: { userId: w.buyer.id, channel: "email" } });
    const [emailJob] = await db().$queryRaw<{ start_after: Date }[]>`
      SELECT start_after FROM pgboss.job WHERE name = ${JOBS.sendNotification} AND data->>'notificationId' = ${email.id}`;
    expect(emailJob.start_after.getTime()).toBeLessThan(Date.now() + 5_000);
  });

  it("refuses a bad phone number, half-set quiet hours and an unknown zone with a message", () => {
    const bad = (over: Record<string, unknown>) => ZNotificationSettings.safeParse({ ...settings(), ...over });
    const first = (r: ReturnType<typeof bad>) => (r.success ? null : r.error.issues[0].message);
    expect(first(bad({ phoneNumber: "12345" }))).toMatch(/valid mobile number/);
    expect(first(bad({ phoneNumber: "+1 415 555 0123", quietStart: "22:00", quietEnd: "" }))).toMatch(/both/);
    expect(first(bad({ quietStart: "25:00", quietEnd: "07:00" }))).toMatch(/24-hour/);
    expect(first(bad({ timeZone: "Mars/Base" }))).toMatch(/time zone/);
    // Without a country code the number is ambiguous.
    expect(first(bad({ phoneNumber: "(415) 555-0123" }))).toMatch(/country code/);
    expect(settings({ phoneNumber: "+44 20 7946 0958" }).phoneNumber).toBe("+442079460958");
    expect(settings({ phoneNumber: "" }).phoneNumber).toBeNull();
  });
});

describe("the Twilio provider", () => {
  let server: Server;
  let base: string;
  const requests: { url: string; auth: string | undefined; form: URLSearchParams }[] = [];
  let answer: { status: number; body: object } = { status: 201, body: { sid: "SM123", status: "queued" } };
  const sid = `AC${"0".repeat(32)}`;

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      let text = "";
      req.on("data", (c) => (text += c));
      req.on("end", () => {
        requests.push({ url: req.url ?? "", auth: req.headers.authorization, form: new URLSearchParams(text) });
        res.writeHead(answer.status, { "Content-Type": "application/json" }).end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  async function queuedSms() {
    const user = await createUser(db());
    return db().notification.create({
      data: {
        userId: user.id,
        channel: "sms",
        template: "order-shipped-buyer",
        toAddress: "+14155550123",
        subject: "Order shipped",
        body: "Marketplace: your order has shipped.",
      },
    });
  }

  it("posts the message form-encoded with Basic auth, and records it sent", async () => {
    const provider = twilioSmsProvider({
      accountSid: sid,
      authToken: "secret-token",
      from: "+15005550006",
      apiBase: base,
    });
    const n = await queuedSms();
    expect(await sendSmsNotification(db(), n.id, provider)).toBe("sent");
    const req = requests.at(-1)!;
    expect(req.url).toBe(`/2010-04-01/Accounts/${sid}/Messages.json`);
    expect(req.auth).toBe(`Basic ${Buffer.from(`${sid}:secret-token`).toString("base64")}`);
    expect(Object.fromEntries(req.form)).toEqual({
      To: "+14155550123",
      From: "+15005550006",
      Body: "Marketplace: your order has shipped.",
    });
    expect((await db().notification.findUniqueOrThrow({ where: { id: n.id } })).status).toBe("sent");
    // A Messaging Service SID goes as MessagingServiceSid.
    const viaService = twilioSmsProvider({
      accountSid: sid,
      authToken: "t",
      from: "MG" + "1".repeat(32),
      apiBase: base,
    });
    await viaService.send({ to: "+14155550123", body: "hi" });
    expect(requests.at(-1)!.form.get("MessagingServiceSid")).toBe("MG" + "1".repeat(32));
  });

  it("marks a message Twilio refuses for good failed, and throws on a transient error so the job retries", async () => {
    const provider = twilioSmsProvider({ accountSid: sid, authToken: "t", from: "+15005550006", apiBase: base });
    answer = {
      status: 400,
      body: { code: 21211, message: "The 'To' number is not a valid phone number.", status: 400 },
    };
    const refused = await queuedSms();
    expect(await sendSmsNotification(db(), refused.id, provider)).toBe("failed");
    expect(await db().notification.findUniqueOrThrow({ where: { id: refused.id } })).toMatchObject({
      status: "failed",
      error: expect.stringMatching(/21211/),
    });

    answer = { status: 503, body: { message: "Service unavailable" } };
    const transient = await queuedSms();
    await expect(sendSmsNotification(db(), transient.id, provider)).rejects.toThrow(/503/);
    expect((await db().notification.findUniqueOrThrow({ where: { id: transient.id } })).status).toBe("queued");
    answer = { status: 201, body: { sid: "SM456" } };
    expect(await sendSmsNotification(db(), transient.id, provider)).toBe("sent");
  });
});
