import { randomUUID } from "node:crypto";

import Redis from "ioredis";
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, inject, it } from "vitest";

import { POST as placeOrder } from "@/app/api/v1/orders/route";
import { sessionSubject } from "@/lib/auth/session-subject";
import type { CartLine } from "@/lib/cart/cart-store";
import { getCartStore } from "@/lib/cart/get-cart-store";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { adjustInventory } from "@/lib/inventory/adjust-inventory";
import { importStockCsv } from "@/lib/inventory/import-stock-csv";
import { updateStock } from "@/lib/inventory/update-stock";
import { senderBoss } from "@/lib/jobs/boss";
import { JOBS } from "@/lib/jobs/queues";
import { setFlashSale } from "@/lib/orders/set-flash-sale";
import { RATE_LIMITS } from "@/lib/rate-limit/rules";
import { redis } from "@/lib/redis/client";
import { createBuyerWithAddress, createCategory, createProduct, createSeller } from "@/test/factories";
import { JOB_HANDLERS } from "@/worker/handlers";

import { memoryAdmissionGate, redisAdmissionGate, type AdmissionGate } from "./admission-gate";
import { cancelUnpaidOrder } from "./cancel-unpaid-order";
import { placedCheckoutJson } from "./checkout-json";
import { createCheckout } from "./create-checkout";
import { expireReservations } from "./expire-reservations";
import { getAdmissionGate } from "./get-admission-gate";
import { reconcileFlashGates } from "./reconcile-flash-gates";
import { refuseSoldOutCheckout } from "./refuse-sold-out-checkout";
import { syncGateStock } from "./sync-gate-stock";

const redisUrl = inject("redisUrl");
let categoryId: number;
beforeAll(async () => {
  categoryId = (await createCategory(db())).id;
});

const newBuyer = () => createBuyerWithAddress(db());

const line = (productId: string, quantity = 1): CartLine => ({
  productId,
  quantity,
  unitPriceCentsAdded: 1000,
  addedAt: Date.now(),
});

function checkout(gate: AdmissionGate, buyer: { id: string; addressId: string }, productId: string, quantity = 1) {
  return createCheckout({
    buyerId: buyer.id,
    cartKey: `u:${buyer.id}`,
    lines: [line(productId, quantity)],
    gate,
    idempotencyKey: randomUUID(),
    input: { cart_id: `u:${buyer.id}`, shipping_address_id: buyer.addressId },
  }).then((r) => ({ ...r, body: placedCheckoutJson(r.checkout) }));
}

async function hotProduct(units: number, sellerId?: string) {
  const seller = sellerId ?? (await createSeller(db())).seller.id;
  const p = await createProduct(db(), { sellerId: seller, categoryId, inventoryCount: units, priceCents: 1000 });
  await db().product.update({ where: { id: p.id }, data: { isHot: true } });
  return p;
}

/** Runs every queued job of one queue through the worker's own handler, as the worker would. */
async function runQueued(name: typeof JOBS.syncGateStock) {
  const boss = await senderBoss();
  for (;;) {
    const jobs = await boss.fetch<{ productIds: string[] }>(name, { batchSize: 100 });
    if (jobs.length === 0) return;
    for (const job of jobs) await JOB_HANDLERS[name](job.data);
    await boss.complete(
      name,
      jobs.map((j) => j.id),
    );
  }
}

const syncJobsFor = async (productId: string) =>
  (
    await db().$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'sync-gate-stock' AND data->'productIds' ? ${productId}`
  )[0].n;

const later = () => new Date(Date.now() + 11 * 60_000);

describe("stock returned to PostgreSQL is returned to the flash-sale gate", () => {
  // The process's own gate: Redis in this tier when redis-server is available, which is what
  // the web process and the worker's sync job share.
  it(`after a reservation expires, the last unit can be bought again (${redisUrl ? "Redis gate" : "in-process gate"})`, async () => {
    const gate = getAdmissionGate();
    const p = await hotProduct(1);
    const first = await checkout(gate, await newBuyer(), p.id);
    const second = await newBuyer();
    await expect(checkout(gate, second, p.id)).rejects.toMatchObject({
      status: 409,
      message: "Sold out: this item has no stock left.",
    });

    expect((await expireReservations({ now: later() })).cancelled).toBeGreaterThanOrEqual(1);
    expect((await db().order.findUniqueOrThrow({ where: { id: first.body.orders[0].order_id } })).status).toBe(
      "cancelled",
    );
    expect(await syncJobsFor(p.id)).toBe(1);
    await runQueued(JOBS.syncGateStock);

    const r = await checkout(gate, second, p.id);
    expect(r.status).toBe(201);
    expect((await db().product.findUniqueOrThrow({ where: { id: p.id } })).inventoryCount).toBe(0);
    await expect(checkout(gate, await newBuyer(), p.id)).rejects.toMatchObject({ status: 409 });
  });

  it.skipIf(!redisUrl)(
    "the same with a Redis gate of its own: an unpaid order cancelled, then a seller raising stock inline and by CSV",
    async () => {
      const client = new Redis(redisUrl!, { keyPrefix: `flash-${randomUUID()}:` });
      const gate = redisAdmissionGate(client);
      const { seller, user } = await createSeller(db());
      const p = await hotProduct(2, seller.id);
      const a = await checkout(gate, await newBuyer(), p.id, 2);
      const buyer = await newBuyer();
      await expect(checkout(gate, buyer, p.id)).rejects.toMatchObject({ status: 409 });
      // A checkout's own reservation queues no sync: it took its units from the gate already.
      expect(await syncJobsFor(p.id)).toBe(0);

      expect(
        await cancelUnpaidOrder({ orderId: a.body.orders[0].order_id, actorType: "buyer", note: "changed my mind" }),
      ).toBe(true);
      await syncGateStock({ productIds: [p.id], gate });
      expect(await client.get(`gate:{${p.id}}`)).toBe("2");
      await checkout(gate, buyer, p.id, 2);
      await expect(checkout(gate, buyer, p.id)).rejects.toMatchObject({ status: 409 });

      await updateStock({ productId: p.id, count: 1, sellerId: seller.id, actorId: user.id });
      await syncGateStock({ productIds: [p.id], gate });
      expect(await gate.admit(p.id, 1)).toBe("admitted");
      await gate.release(p.id, 1);

      await importStockCsv({ sellerId: seller.id, actorId: user.id, csv: `product_id,inventory_count\n${p.id},4\n` });
      expect(await syncJobsFor(p.id)).toBe(3);
      await syncGateStock({ productIds: [p.id], gate });
      expect(await client.get(`gate:{${p.id}}`)).toBe("4");
      client.disconnect();
    },
  );

  it("an in-process gate hears of stock returned by another process (the worker's expiry) before it says sold out", async () => {
    let clock = 1_000_000;
    const gate = memoryAdmissionGate({ now: () => clock });
    const p = await hotProduct(1);
    await checkout(gate, await newBuyer(), p.id);
    const buyer = await newBuyer();
    await expect(checkout(gate, buyer, p.id)).rejects.toMatchObject({
      status: 409,
      message: "Sold out: this item has no stock left.",
    });
    // The expiry runs elsewhere (the worker): this gate is never told.
    await expireReservations({ now: later() });
    clock += 1_000;
    expect((await checkout(gate, buyer, p.id)).status).toBe(201);
  });

  it("a rolled-back transaction that returned stock gives the gate nothing", async () => {
    const gate = getAdmissionGate();
    const p = await hotProduct(1);
    await checkout(gate, await newBuyer(), p.id);
    await expect(
      db().$transaction(async (tx) => {
        await adjustInventory(tx, { productId: p.id, delta: 5, reason: "correction", note: "will roll back" });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await syncJobsFor(p.id)).toBe(0);
    await runQueued(JOBS.syncGateStock);
    await reconcileFlashGates();
    expect((await db().product.findUniqueOrThrow({ where: { id: p.id } })).inventoryCount).toBe(0);
    await expect(checkout(gate, await newBuyer(), p.id)).rejects.toMatchObject({ status: 409 });

    // The same change committed does reach it.
    await db().$transaction((tx) =>
      adjustInventory(tx, { productId: p.id, delta: 1, reason: "correction", note: "found one" }),
    );
    await runQueued(JOBS.syncGateStock);
    expect((await checkout(gate, await newBuyer(), p.id)).status).toBe(201);
  });
});

describe("reconciliation from PostgreSQL", () => {
  const gates: [
    string,
    () => { gate: AdmissionGate; read: (id: string) => Promise<number | null>; done: () => void } | null,
  ][] = [
    [
      "Redis gate",
      () => {
        if (!redisUrl) return null;
        const client = new Redis(redisUrl, { keyPrefix: `reconcile-${randomUUID()}:` });
        return {
          gate: redisAdmissionGate(client),
          read: async (id) => Number(await client.get(`gate:{${id}}`)),
          done: () => client.disconnect(),
        };
      },
    ],
    [
      "in-process gate",
      () => {
        const gate = memoryAdmissionGate({ recheckAfterMs: 3_600_000 });
        // What it would admit right now, read without taking anything.
        const read = async (id: string) => {
          let n = 0;
          while ((await gate.admit(id, 1)) === "admitted") n++;
          await gate.release(id, n);
          return n;
        };
        return { gate, read, done: () => {} };
      },
    ],
  ];
  for (const [name, make] of gates) {
    const g = make();
    it.skipIf(!g)(
      `${name}: drifted counters are set back to the database's stock, hot products only, in bounded batches`,
      async () => {
        const { gate, read, done } = g!;
        const [a, b, c] = await Promise.all([hotProduct(5), hotProduct(3), hotProduct(7)]);
        const cold = await createProduct(db(), {
          sellerId: (await createSeller(db())).seller.id,
          categoryId,
          inventoryCount: 9,
        });
        await gate.reset(a.id, 0);
        await gate.reset(b.id, 40);
        await gate.reset(c.id, 1);
        await gate.reset(cold.id, 2);
        expect(await gate.admit(a.id, 1)).toBe("sold_out");

        // Bounded: a run stops after its last batch, whatever is left.
        expect(await reconcileFlashGates({ gate, batchSize: 1, maxBatches: 1 })).toEqual({ reset: 1 });
        expect(await reconcileFlashGates({ gate, batchSize: 2, maxBatches: 1 })).toEqual({ reset: 2 });

        const { reset } = await reconcileFlashGates({ gate, batchSize: 2 });
        expect(reset).toBeGreaterThanOrEqual(3);
        expect([await read(a.id), await read(b.id), await read(c.id), await read(cold.id)]).toEqual([5, 3, 7, 2]);
        done();
      },
    );
  }

  it("runs every minute in the worker", async () => {
    const { CRON_SCHEDULES } = await import("@/worker/cron");
    expect(CRON_SCHEDULES).toContainEqual([JOBS.reconcileFlashGates, "* * * * *", {}]);
  });
});

describe("marking a product as a flash sale", () => {
  it("a seller marks their own product (the counter is primed from the database), never another seller's; an admin any", async () => {
    const mine = await createSeller(db());
    const theirs = await createSeller(db());
    const p = await createProduct(db(), { sellerId: mine.seller.id, categoryId, inventoryCount: 6 });
    const other = await createProduct(db(), { sellerId: theirs.seller.id, categoryId, inventoryCount: 4 });

    // A counter left over from an earlier sale must not answer for this one.
    const gate = getAdmissionGate();
    await gate.reset(p.id, 0);
    expect(
      await setFlashSale({ productId: p.id, on: true, actor: { role: "seller", sellerId: mine.seller.id } }),
    ).toEqual({ isHot: true, inventoryCount: 6 });
    if (redis()) expect(await redis()!.get(`gate:{${p.id}}`)).toBe("6");
    expect(await gate.admit(p.id, 6)).toBe("admitted");
    await gate.release(p.id, 6);

    await expect(
      setFlashSale({ productId: other.id, on: true, actor: { role: "seller", sellerId: mine.seller.id } }),
    ).rejects.toMatchObject({ status: 404, message: "Listing not found." });
    await expect(
      setFlashSale({ productId: "not-a-uuid", on: true, actor: { role: "seller", sellerId: mine.seller.id } }),
    ).rejects.toMatchObject({ status: 404 });
    expect((await db().product.findUniqueOrThrow({ where: { id: other.id } })).isHot).toBe(false);

    expect(await setFlashSale({ productId: other.id, on: true, actor: { role: "admin" } })).toEqual({
      isHot: true,
      inventoryCount: 4,
    });
    expect(
      await setFlashSale({ productId: p.id, on: false, actor: { role: "seller", sellerId: mine.seller.id } }),
    ).toEqual({ isHot: false, inventoryCount: 6 });
    // Not hot any more: stock changes queue no gate sync.
    await db().$transaction((tx) => adjustInventory(tx, { productId: p.id, delta: 1, reason: "correction" }));
    expect(await syncJobsFor(p.id)).toBe(0);
  });
});

describe("a flash sale's excess is refused from Redis, before the database", () => {
  const post = (cookie: string, body: unknown) =>
    new NextRequest("http://shop.test/api/v1/orders", {
      method: "POST",
      headers: { cookie, "content-type": "application/json", "idempotency-key": randomUUID() },
      body: JSON.stringify(body),
    });
  const sessionOf = async (user: { id: string }) => {
    const { id: sid } = await db().userSession.create({
      data: { userId: user.id, method: "credentials" },
      select: { id: true },
    });
    return `next-auth.session-token=${await encode({ token: { sub: user.id, sid }, secret: env().NEXTAUTH_SECRET })}`;
  };

  it.skipIf(!redisUrl)(
    "POST /api/v1/orders answers a sold-out flash sale from the cart and the gate alone; anything it cannot judge goes the whole way",
    async () => {
      const gate = getAdmissionGate();
      const p = await hotProduct(1);
      const first = await newBuyer();
      await getCartStore().setLine(`u:${first.id}`, { productId: p.id, quantity: 1, unitPriceCentsAdded: 1000 });
      // Nothing counted yet (no counter): not judged here.
      expect(await refuseSoldOutCheckout({ buyerId: first.id })).toBeNull();
      expect((await checkout(gate, first, p.id)).status).toBe(201);

      const late = await newBuyer();
      await getCartStore().setLine(`u:${late.id}`, { productId: p.id, quantity: 1, unitPriceCentsAdded: 1000 });
      // The real route, outside Next: anything past the early refusal would read the session
      // through next/headers and fail, so this 409 came before getCurrentUser and any order or cart work (the session row is one key read).
      const res = await placeOrder(
        post(await sessionOf(late), { cart_id: `u:${late.id}`, shipping_address_id: late.addressId }),
        {
          params: Promise.resolve({}),
        },
      );
      expect(res.status).toBe(409);
      expect(await res.json()).toEqual({
        error: { code: "conflict", message: "Sold out: this item has no stock left." },
      });
      expect(res.headers.get("x-request-id")).toBeTruthy();

      // A signed-out session names nobody either.
      const ended = await sessionOf(late);
      await db().userSession.updateMany({ where: { userId: late.id }, data: { revokedAt: new Date() } });
      expect(await sessionSubject(new NextRequest("http://shop.test/", { headers: { cookie: ended } }))).toBeNull();
      // A forged cookie names nobody: no early answer (the whole path answers 401).
      expect(
        await sessionSubject(
          new NextRequest("http://shop.test/", { headers: { cookie: "next-auth.session-token=forged" } }),
        ),
      ).toBeNull();
      // An empty cart, a product not gated, a line the counter still covers: the whole path decides.
      const other = await newBuyer();
      expect(await refuseSoldOutCheckout({ buyerId: other.id })).toBeNull();
      const cold = await createProduct(db(), {
        sellerId: (await createSeller(db())).seller.id,
        categoryId,
        inventoryCount: 0,
      });
      await getCartStore().setLine(`u:${other.id}`, { productId: cold.id, quantity: 1, unitPriceCentsAdded: 1000 });
      expect(await refuseSoldOutCheckout({ buyerId: other.id })).toBeNull();
      const roomy = await hotProduct(3);
      await gate.reset(roomy.id, 3);
      await getCartStore().setLine(`u:${other.id}`, { productId: roomy.id, quantity: 3, unitPriceCentsAdded: 1000 });
      expect(await refuseSoldOutCheckout({ buyerId: other.id })).toBeNull();
      await getCartStore().setLine(`u:${other.id}`, { productId: roomy.id, quantity: 4, unitPriceCentsAdded: 1000 });
      expect(await refuseSoldOutCheckout({ buyerId: other.id })).toMatchObject({ status: 409 });
    },
  );

  it.skipIf(!redisUrl)("the early refusal counts against the checkout rate limit like any checkout", async () => {
    const p = await hotProduct(0);
    await getAdmissionGate().reset(p.id, 0);
    const buyer = await newBuyer();
    await getCartStore().setLine(`u:${buyer.id}`, { productId: p.id, quantity: 1, unitPriceCentsAdded: 1000 });
    const cookie = await sessionOf(buyer);
    const limit = RATE_LIMITS.checkoutPerUser.limit * env().RATE_LIMIT_MULTIPLIER;
    const statuses: number[] = [];
    for (let i = 0; i <= limit; i++)
      statuses.push(
        (
          await placeOrder(post(cookie, { cart_id: `u:${buyer.id}`, shipping_address_id: buyer.addressId }), {
            params: Promise.resolve({}),
          })
        ).status,
      );
    expect(statuses.slice(0, limit).every((s) => s === 409)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it("ending a flash sale drops its counter, so an old count never refuses anyone", async () => {
    const { seller } = await createSeller(db());
    const p = await createProduct(db(), { sellerId: seller.id, categoryId, inventoryCount: 0 });
    const actor = { role: "seller" as const, sellerId: seller.id };
    await setFlashSale({ productId: p.id, on: true, actor });
    const gate = getAdmissionGate();
    expect(await gate.admit(p.id, 1)).toBe("sold_out");
    await setFlashSale({ productId: p.id, on: false, actor });
    expect(await gate.peek(p.id)).toBeNull();
    if (redis()) expect(await redis()!.exists(`gate:{${p.id}}`)).toBe(0);
  });
});
