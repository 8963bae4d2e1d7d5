import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";

import Redis from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from "vitest";

import { startRedisServer } from "@/dev/services/redis-server";
import type { CartLine } from "@/lib/cart/cart-store";
import { db } from "@/lib/db/client";
import { recordCapture } from "@/lib/payments/record-capture";
import { createBuyerWithAddress, createCategory, createProduct, createSeller } from "@/test/factories";

import { memoryAdmissionGate, redisAdmissionGate, type AdmissionGate } from "./admission-gate";
import { cancelUnpaidOrder } from "./cancel-unpaid-order";
import { placedCheckoutJson } from "./checkout-json";
import { createCheckout } from "./create-checkout";
import { expireReservations } from "./expire-reservations";

let categoryId: number;
let buyers: { id: string; addressId: string }[] = [];
beforeAll(async () => {
  categoryId = (await createCategory(db())).id;
  buyers = await Promise.all(Array.from({ length: 40 }, () => createBuyerWithAddress(db())));
});

const newBuyer = () => createBuyerWithAddress(db());

const line = (productId: string, quantity = 1, price = 1000): CartLine => ({
  productId,
  quantity,
  unitPriceCentsAdded: price,
  addedAt: Date.now(),
});

function attempt(
  gate: AdmissionGate,
  buyer: { id: string; addressId: string },
  lines: CartLine[],
  key: string = randomUUID(),
) {
  return createCheckout({
    buyerId: buyer.id,
    cartKey: `u:${buyer.id}`,
    lines,
    gate,
    idempotencyKey: key,
    input: { cart_id: `u:${buyer.id}`, shipping_address_id: buyer.addressId },
  }).then((r) => ({ ...r, body: placedCheckoutJson(r.checkout) }));
}

async function soldAndStock(productId: string) {
  const [sold] = await db().$queryRaw<
    { n: number }[]
  >`SELECT coalesce(sum(oi.quantity), 0)::int AS n FROM order_items oi JOIN orders o ON o.id = oi.order_id WHERE oi.product_id = ${productId}::uuid AND o.status <> 'cancelled'`;
  const [reserved] = await db().$queryRaw<
    { n: number }[]
  >`SELECT coalesce(-sum(delta), 0)::int AS n FROM inventory_adjustments WHERE product_id = ${productId}::uuid AND reason IN ('order_reserved', 'order_released')`;
  const p = await db().product.findUniqueOrThrow({ where: { id: productId } });
  return { sold: sold.n, reserved: reserved.n, stock: p.inventoryCount };
}

async function hotProduct(units: number) {
  const { seller } = await createSeller(db());
  const p = await createProduct(db(), { sellerId: seller.id, categoryId, inventoryCount: units, priceCents: 1000 });
  await db().product.update({ where: { id: p.id }, data: { isHot: true } });
  return p;
}

async function flashSale(
  gate: AdmissionGate,
  productId: string,
  attempts: number,
  seed: number,
  onHalf?: () => Promise<void>,
) {
  let rng = seed;
  const rand = () => (rng = (rng * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  let done = 0;
  const results = await Promise.allSettled(
    Array.from({ length: attempts }, async (_, i) => {
      await new Promise((r) => setTimeout(r, Math.floor(rand() * 20)));
      try {
        return await attempt(gate, buyers[i % buyers.length], [line(productId)]);
      } finally {
        if (++done === Math.floor(attempts / 2)) await onHalf?.();
      }
    }),
  );
  const ok = results.filter(
    (r): r is PromiseFulfilledResult<Awaited<ReturnType<typeof attempt>>> => r.status === "fulfilled",
  );
  const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
  return { ok, failed };
}

const redisUrl = inject("redisUrl");

describe("no overselling in a flash sale: 100 units, 10,000 concurrent attempts", () => {
  const gates: [string, () => AdmissionGate | null][] = [
    ["without Redis (in-process gate)", () => memoryAdmissionGate()],
    [
      "with Redis",
      () => (redisUrl ? redisAdmissionGate(new Redis(redisUrl, { keyPrefix: `sale-${randomUUID()}:` })) : null),
    ],
  ];
  for (const [name, make] of gates) {
    for (const seed of [7, 42]) {
      const gate = make();
      it.skipIf(!gate)(
        `${name}, seed ${seed}: exactly 100 sold, stock 0, every success has its order, failures reserved nothing`,
        async () => {
          const p = await hotProduct(100);
          const { ok, failed } = await flashSale(gate!, p.id, 10_000, seed);
          expect(ok).toHaveLength(100);
          expect(failed.every((f) => (f.reason as { status?: number }).status === 409)).toBe(true);
          const orders = await db().order.findMany({
            where: { id: { in: ok.flatMap((r) => r.value.body.orders.map((o) => o.order_id)) } },
            include: { items: true },
          });
          expect(orders).toHaveLength(100);
          expect(await soldAndStock(p.id)).toEqual({ sold: 100, reserved: 100, stock: 0 });
        },
        180_000,
      );
    }
  }

  it("without any gate (a product not marked hot) the database alone still refuses the excess", async () => {
    const { seller } = await createSeller(db());
    const p = await createProduct(db(), { sellerId: seller.id, categoryId, inventoryCount: 30, priceCents: 1000 });
    const { ok } = await flashSale(memoryAdmissionGate(), p.id, 600, 3);
    expect(ok).toHaveLength(30);
    expect(await soldAndStock(p.id)).toEqual({ sold: 30, reserved: 30, stock: 0 });
  }, 180_000);
});

describe("Redis killed mid-sale", () => {
  it("still sells exactly the stock, and the counter is rebuilt from the database afterwards", async (ctx) => {
    const dirs = [0, 1].map(() => `.data/test-redis-kill-${randomUUID().slice(0, 8)}`);
    onTestFinished(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
    const server = await startRedisServer({ dataDir: dirs[0] });
    if (!server) return ctx.skip("skipped: redis-server is not on PATH");
    const client = new Redis(server.url, {
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
    });
    client.on("error", () => {});
    const p = await hotProduct(100);
    const { ok } = await flashSale(redisAdmissionGate(client), p.id, 3000, 11, () => server.stop());
    expect(ok).toHaveLength(100);
    expect(await soldAndStock(p.id)).toEqual({ sold: 100, reserved: 100, stock: 0 });
    client.disconnect();

    // A fresh Redis has no counter: the first admission rebuilds it from the database (0 left).
    const again = await startRedisServer({ dataDir: dirs[1] });
    const fresh = new Redis(again!.url);
    const gate = redisAdmissionGate(fresh);
    expect(await gate.admit(p.id, 1)).toBe("sold_out");
    expect(await fresh.get(`gate:{${p.id}}`)).toBe("0");
    fresh.disconnect();
    await again!.stop();
  }, 180_000);
});

describe("checkout", () => {
  it("makes one order per seller with price snapshots and reserves every line, or nothing", async () => {
    const s1 = await createSeller(db());
    const s2 = await createSeller(db());
    const s3 = await createSeller(db());
    const a = await createProduct(db(), { sellerId: s1.seller.id, categoryId, inventoryCount: 5, priceCents: 1500 });
    const b = await createProduct(db(), { sellerId: s2.seller.id, categoryId, inventoryCount: 5, priceCents: 2500 });
    const c = await createProduct(db(), { sellerId: s3.seller.id, categoryId, inventoryCount: 1, priceCents: 999 });
    const buyer = buyers[0];
    const gate = memoryAdmissionGate();

    await expect(attempt(gate, buyer, [line(a.id, 2), line(b.id, 1), line(c.id, 2)])).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining("Only 1 of"),
    });
    expect(
      (await db().product.findMany({ where: { id: { in: [a.id, b.id, c.id] } }, orderBy: { priceCents: "asc" } })).map(
        (p) => p.inventoryCount,
      ),
    ).toEqual([1, 5, 5]);

    const r = await attempt(gate, buyer, [line(a.id, 2), line(b.id, 1), line(c.id, 1)]);
    expect(r.status).toBe(201);
    expect(r.body.orders).toHaveLength(3);
    expect(r.body.total.amount_cents).toBe(2 * 1500 + 2500 + 999);
    await db().product.update({ where: { id: a.id }, data: { priceCents: 9999 } });
    const orderA = await db().order.findFirstOrThrow({
      where: { checkoutId: r.body.checkout_id, sellerId: s1.seller.id },
      include: { items: true, transitions: true },
    });
    expect(orderA).toMatchObject({
      status: "pending",
      subtotalCents: 3000,
      totalCents: 3000,
      platformFeeCents: 450,
      commissionBps: 1500,
    });
    expect(orderA.items).toMatchObject([{ productId: a.id, quantity: 2, unitPriceCents: 1500 }]);
    expect(orderA.transitions).toMatchObject([{ fromStatus: null, toStatus: "pending", actorType: "buyer" }]);
    // Read per id: products created in the same millisecond tie on created_at.
    const stock = new Map(
      (await db().product.findMany({ where: { id: { in: [a.id, b.id, c.id] } } })).map((p) => [p.id, p.inventoryCount]),
    );
    expect([a.id, b.id, c.id].map((id) => stock.get(id))).toEqual([3, 4, 0]);
  });

  it("refuses an empty cart, another buyer's cart or address, writing nothing", async () => {
    const gate = memoryAdmissionGate();
    const [me, other] = [buyers[1], buyers[2]];
    const before = await db().order.count();
    await expect(attempt(gate, me, [])).rejects.toMatchObject({ status: 422, message: "Your cart is empty." });
    const p = await hotProduct(5);
    await expect(
      createCheckout({
        buyerId: me.id,
        cartKey: `u:${me.id}`,
        lines: [line(p.id)],
        gate,
        idempotencyKey: randomUUID(),
        input: { cart_id: `u:${other.id}`, shipping_address_id: me.addressId },
      }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      createCheckout({
        buyerId: me.id,
        cartKey: `u:${me.id}`,
        lines: [line(p.id)],
        gate,
        idempotencyKey: randomUUID(),
        input: { cart_id: `u:${me.id}`, shipping_address_id: other.addressId },
      }),
    ).rejects.toMatchObject({ status: 404 });
    // A malformed Idempotency-Key ("short") is refused at the edge now: lib/http/api-route.test.ts.
    expect(await db().order.count()).toBe(before);
    expect((await db().product.findUniqueOrThrow({ where: { id: p.id } })).inventoryCount).toBe(5);
  });

  it("the same request 20 times at once with one Idempotency-Key makes one checkout; another body with that key is a 422", async () => {
    const p = await hotProduct(50);
    const buyer = await newBuyer();
    const key = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => attempt(memoryAdmissionGate(), buyer, [line(p.id, 2)], key)),
    );
    expect(new Set(results.map((r) => r.body.checkout_id)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await db().checkout.count({ where: { buyerId: buyer.id } })).toBe(1);
    expect((await db().product.findUniqueOrThrow({ where: { id: p.id } })).inventoryCount).toBe(48);
    await expect(
      attempt(memoryAdmissionGate(), buyer, [line(p.id, 2)], key).then(() =>
        createCheckout({
          buyerId: buyer.id,
          cartKey: `u:${buyer.id}`,
          lines: [line(p.id, 2)],
          gate: memoryAdmissionGate(),
          idempotencyKey: key,
          input: { cart_id: `u:${buyer.id}`, shipping_address_id: buyer.addressId, payment_method_id: "pm_other" },
        }),
      ),
    ).rejects.toMatchObject({ status: 422 });
  });
});

describe("reservation expiry", () => {
  it("cancels unpaid orders after 10 minutes and returns their stock exactly once, even with two sweepers", async () => {
    const p = await hotProduct(10);
    const r = await attempt(memoryAdmissionGate(), await newBuyer(), [line(p.id, 3)]);
    const orderId = r.body.orders[0].order_id;
    await expireReservations();
    expect((await db().order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("pending");
    const later = new Date(Date.now() + 11 * 60_000);
    await Promise.all([expireReservations({ now: later }), expireReservations({ now: later })]);
    expect(await db().orderStatusChange.count({ where: { orderId, toStatus: "cancelled" } })).toBe(1);
    expect((await db().product.findUniqueOrThrow({ where: { id: p.id } })).inventoryCount).toBe(10);
    expect(await db().checkout.findUniqueOrThrow({ where: { id: r.body.checkout_id } })).toMatchObject({
      status: "cancelled",
    });
    expect(await db().inventoryAdjustment.count({ where: { productId: p.id, reason: "order_released" } })).toBe(1);
  });

  it("a sweeper racing a late payment: the stock comes back once or the order is paid, never both", async () => {
    for (let round = 0; round < 15; round++) {
      const p = await hotProduct(4);
      const r = await attempt(memoryAdmissionGate(), buyers[5 + (round % 30)], [line(p.id, 2)]);
      const orderId = r.body.orders[0].order_id;
      await Promise.all([
        db().$transaction((tx) =>
          recordCapture(tx, { checkoutId: r.body.checkout_id, chargeId: null, paymentIntentId: `pi_race_${round}` }),
        ),
        cancelUnpaidOrder({ orderId, actorType: "system", note: "expired" }),
        cancelUnpaidOrder({ orderId, actorType: "system", note: "expired" }),
        db().$transaction((tx) =>
          recordCapture(tx, { checkoutId: r.body.checkout_id, chargeId: null, paymentIntentId: `pi_race_${round}` }),
        ),
      ]);
      const order = await db().order.findUniqueOrThrow({ where: { id: orderId } });
      const stock = (await db().product.findUniqueOrThrow({ where: { id: p.id } })).inventoryCount;
      const released = await db().inventoryAdjustment.count({ where: { productId: p.id, reason: "order_released" } });
      if (order.status === "paid")
        expect({ stock, released, escrow: order.escrowStatus }).toEqual({ stock: 2, released: 0, escrow: "held" });
      else expect({ status: order.status, stock, released }).toEqual({ status: "cancelled", stock: 4, released: 1 });
    }
  });
});

afterAll(async () => {});
