import { randomBytes, randomUUID } from "node:crypto";

import Redis from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { db } from "@/lib/db/client";
import { createCategory, createProduct, createSeller, createUser } from "@/test/factories";

import { addToCart } from "./add-to-cart";
import { CART_TTL_SECONDS, postgresCartStore, redisCartStore, type CartStore } from "./cart-store";
import { getCartView } from "./get-cart-view";
import { mergeCarts } from "./merge-carts";
import { removeFromCart } from "./remove-from-cart";
import { setCartQuantity } from "./set-cart-quantity";

const redisUrl = inject("redisUrl");
const redisClient = redisUrl
  ? new Redis(redisUrl, { keyPrefix: `cart-test-${randomBytes(3).toString("hex")}:` })
  : null;
afterAll(() => redisClient?.quit());

let sellerA: string;
let sellerB: string;
let categoryId: number;
beforeAll(async () => {
  sellerA = (await createSeller(db())).seller.id;
  sellerB = (await createSeller(db())).seller.id;
  categoryId = (await createCategory(db())).id;
});
const product = (sellerId: string, inventoryCount = 10, priceCents = 1000) =>
  createProduct(db(), { sellerId, categoryId, inventoryCount, priceCents });
const guest = () => `g:${randomUUID()}`;

// One contract, both stores: the cart behaves the same in Redis and in PostgreSQL.
describe.each<[string, () => CartStore | null]>([
  ["PostgreSQL", () => postgresCartStore(db())],
  ["Redis", () => (redisClient ? redisCartStore(redisClient) : null)],
])("the cart in %s", (name, make) => {
  const store = make();
  if (!store) {
    it.skip(`skipped: ${name} is not available (redis-server not on PATH and REDIS_URL unset)`, () => {});
    return;
  }

  it("adds items, groups them by seller and totals them", async () => {
    const cart = guest();
    const [a1, a2, b1] = [
      await product(sellerA, 10, 1000),
      await product(sellerA, 10, 250),
      await product(sellerB, 10, 3999),
    ];
    await addToCart(store, cart, { productId: a1.id, quantity: 2 });
    await addToCart(store, cart, { productId: a2.id, quantity: 1 });
    await addToCart(store, cart, { productId: b1.id, quantity: 1 });
    await addToCart(store, cart, { productId: a1.id, quantity: 1 });
    const view = await getCartView(store, cart);
    expect(view.groups.map((g) => [g.sellerId, g.subtotalCents])).toEqual([
      [sellerA, 3250],
      [sellerB, 3999],
    ]);
    expect(view.totalCents).toBe(7249);
    expect(view.itemCount).toBe(5);
    expect(view.hasProblems).toBe(false);
  });

  it("refuses more than the stock, unknown or unavailable products, and bad quantities, changing nothing", async () => {
    const cart = guest();
    const p = await product(sellerA, 3);
    await addToCart(store, cart, { productId: p.id, quantity: 2 });
    await expect(addToCart(store, cart, { productId: p.id, quantity: 2 })).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining("Only 3"),
    });
    await expect(addToCart(store, cart, { productId: randomUUID(), quantity: 1 })).rejects.toMatchObject({
      status: 404,
    });
    await expect(addToCart(store, cart, { productId: p.id, quantity: 0 })).rejects.toMatchObject({ status: 400 });
    await expect(addToCart(store, cart, { productId: p.id, quantity: 1.5 })).rejects.toMatchObject({ status: 400 });
    await expect(addToCart(store, cart, { productId: "not-a-uuid", quantity: 1 })).rejects.toMatchObject({
      status: 400,
    });
    await db().product.update({ where: { id: p.id }, data: { status: "suspended" } });
    await expect(addToCart(store, cart, { productId: p.id, quantity: 1 })).rejects.toMatchObject({ status: 404 });
    expect((await store.lines(cart)).map((l) => l.quantity)).toEqual([2]);
  });

  it("updates and removes lines", async () => {
    const cart = guest();
    const p = await product(sellerA, 10);
    await addToCart(store, cart, { productId: p.id, quantity: 1 });
    await setCartQuantity(store, cart, { productId: p.id, quantity: 4 });
    expect((await store.lines(cart))[0].quantity).toBe(4);
    await expect(setCartQuantity(store, cart, { productId: p.id, quantity: 11 })).rejects.toMatchObject({
      status: 409,
    });
    await setCartQuantity(store, cart, { productId: p.id, quantity: 0 });
    expect(await store.lines(cart)).toEqual([]);
    await addToCart(store, cart, { productId: p.id, quantity: 1 });
    await removeFromCart(store, cart, { productId: p.id });
    expect(await store.lines(cart)).toEqual([]);
  });

  it("shows price changes and stock problems since the item was added, never more than in stock", async () => {
    const cart = guest();
    const p = await product(sellerA, 5, 1000);
    const q = await product(sellerB, 5, 500);
    await addToCart(store, cart, { productId: p.id, quantity: 4 });
    await addToCart(store, cart, { productId: q.id, quantity: 1 });
    await db().product.update({ where: { id: p.id }, data: { priceCents: 1200, inventoryCount: 2 } });
    await db().product.update({ where: { id: q.id }, data: { status: "archived" } });
    const view = await getCartView(store, cart);
    const line = view.groups[0].lines[0];
    expect(line).toMatchObject({
      quantity: 2,
      requestedQuantity: 4,
      unitPriceCents: 1200,
      unitPriceCentsAdded: 1000,
      lineTotalCents: 2400,
    });
    expect(line.problems).toEqual(["Only 2 left; we lowered the quantity.", "Price went up since you added it."]);
    expect(view.groups[1].lines[0]).toMatchObject({
      quantity: 0,
      available: false,
      problems: ["This item is no longer available."],
    });
    expect(view.hasProblems).toBe(true);
  });

  it("merges a guest cart into the buyer's cart at sign-in, capped by stock, and empties the guest cart", async () => {
    const from = guest();
    const to = `u:${(await createUser(db())).id}`;
    const p = await product(sellerA, 5);
    const q = await product(sellerB, 5);
    await addToCart(store, to, { productId: p.id, quantity: 3 });
    await addToCart(store, from, { productId: p.id, quantity: 4 });
    await addToCart(store, from, { productId: q.id, quantity: 2 });
    await mergeCarts(store, from, to);
    const merged = Object.fromEntries((await store.lines(to)).map((l) => [l.productId, l.quantity]));
    expect(merged).toEqual({ [p.id]: 5, [q.id]: 2 });
    expect(await store.lines(from)).toEqual([]);
    await mergeCarts(store, from, to);
    expect((await store.lines(to)).length).toBe(2);
  });

  it("lives 7 days and each use restarts the clock", async () => {
    const cart = guest();
    const p = await product(sellerA);
    await addToCart(store, cart, { productId: p.id, quantity: 1 });
    const ttl = async () =>
      store.kind === "redis"
        ? redisClient!.ttl(`cart:{${cart}}`)
        : Math.round(
            ((await db().cart.findUniqueOrThrow({ where: { id: cart.slice(2) } })).expiresAt.getTime() - Date.now()) /
              1000,
          );
    expect(Math.abs((await ttl()) - CART_TTL_SECONDS)).toBeLessThan(5);
    if (store.kind === "redis") await redisClient!.expire(`cart:{${cart}}`, 100);
    else await db().cart.update({ where: { id: cart.slice(2) }, data: { expiresAt: new Date(Date.now() + 100_000) } });
    await store.lines(cart);
    expect(Math.abs((await ttl()) - CART_TTL_SECONDS)).toBeLessThan(5);
  });

  it("an expired cart is empty", async () => {
    const cart = guest();
    const p = await product(sellerA);
    await addToCart(store, cart, { productId: p.id, quantity: 1 });
    if (store.kind === "redis") {
      await redisClient!.pexpire(`cart:{${cart}}`, 20);
      await new Promise((r) => setTimeout(r, 60));
    } else {
      await db().cart.update({ where: { id: cart.slice(2) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    }
    expect(await store.lines(cart)).toEqual([]);
  });
});
