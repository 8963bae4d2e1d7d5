// Server-side carts behind one interface, stored in Redis (7-day TTL refreshed on use) or,
// without Redis, in PostgreSQL with the same behaviour. A cart key is "u:<userId>" for a
// signed-in buyer or "g:<uuid>" for a guest (bound to a signed cookie).
import type Redis from "ioredis";

import type { PrismaClient } from "@/lib/generated/prisma/client";

export const CART_TTL_SECONDS = 7 * 24 * 60 * 60;
export const MAX_LINE_QUANTITY = 99;
export const MAX_CART_LINES = 100;

/** variantId: which variant of a listing with variants (null or absent for a listing without). */
export type CartLine = {
  productId: string;
  variantId?: string | null;
  quantity: number;
  unitPriceCentsAdded: number;
  addedAt: number;
};

/** What names one line of a cart: a product, and its variant when it has them. */
export type CartLineRef = { productId: string; variantId?: string | null };

export interface CartStore {
  readonly kind: "redis" | "postgres";
  lines(cartKey: string): Promise<CartLine[]>;
  /** Sets a line's quantity (0 removes it); keeps the first price seen unless `price` is given on a new line. */
  setLine(cartKey: string, line: CartLineRef & { quantity: number; unitPriceCentsAdded: number }): Promise<void>;
  removeLine(cartKey: string, line: CartLineRef): Promise<void>;
  clear(cartKey: string): Promise<void>;
}

/** Whether a line is the one `ref` names. */
export const isLine = (l: CartLine, ref: CartLineRef) =>
  l.productId === ref.productId && (l.variantId ?? null) === (ref.variantId ?? null);

/** One string per line ("<product>" or "<product>:<variant>"): the Redis hash field, React keys. */
export const cartLineKey = (ref: CartLineRef) => (ref.variantId ? `${ref.productId}:${ref.variantId}` : ref.productId);

const redisKey = (cartKey: string) => `cart:{${cartKey}}`;

export function redisCartStore(client: Redis): CartStore {
  const touch = (key: string) => client.expire(key, CART_TTL_SECONDS);
  return {
    kind: "redis",
    async lines(cartKey) {
      const key = redisKey(cartKey);
      const raw = await client.hgetall(key);
      if (Object.keys(raw).length) await touch(key);
      return Object.entries(raw).map(([field, v]) => {
        const { q, p, t } = JSON.parse(v) as { q: number; p: number; t: number };
        const [productId, variantId] = field.split(":");
        return { productId, ...(variantId ? { variantId } : {}), quantity: q, unitPriceCentsAdded: p, addedAt: t };
      });
    },
    async setLine(cartKey, line) {
      const key = redisKey(cartKey);
      if (line.quantity <= 0) return this.removeLine(cartKey, line);
      const field = cartLineKey(line);
      const existing = await client.hget(key, field);
      const prev = existing ? (JSON.parse(existing) as { p: number; t: number }) : null;
      await client
        .multi()
        .hset(
          key,
          field,
          JSON.stringify({ q: line.quantity, p: prev?.p ?? line.unitPriceCentsAdded, t: prev?.t ?? Date.now() }),
        )
        .expire(key, CART_TTL_SECONDS)
        .exec();
    },
    async removeLine(cartKey, line) {
      await client.hdel(redisKey(cartKey), cartLineKey(line));
    },
    async clear(cartKey) {
      await client.del(redisKey(cartKey));
    },
  };
}

export function postgresCartStore(prisma: PrismaClient): CartStore {
  const expiresAt = () => new Date(Date.now() + CART_TTL_SECONDS * 1000);
  const where = (cartKey: string) =>
    cartKey.startsWith("u:") ? { userId: cartKey.slice(2) } : { id: cartKey.slice(2), userId: null };
  async function cartId(cartKey: string, create: boolean): Promise<string | null> {
    const found = await prisma.cart.findFirst({ where: where(cartKey), select: { id: true, expiresAt: true } });
    if (found && found.expiresAt > new Date()) {
      await prisma.cart.update({ where: { id: found.id }, data: { expiresAt: expiresAt() } });
      return found.id;
    }
    if (found) await prisma.cart.delete({ where: { id: found.id } });
    if (!create) return null;
    const data = cartKey.startsWith("u:")
      ? { userId: cartKey.slice(2), expiresAt: expiresAt() }
      : { id: cartKey.slice(2), expiresAt: expiresAt() };
    return (
      await prisma.cart.upsert({
        where: cartKey.startsWith("u:") ? { userId: cartKey.slice(2) } : { id: cartKey.slice(2) },
        create: data,
        update: { expiresAt: expiresAt() },
        select: { id: true },
      })
    ).id;
  }
  return {
    kind: "postgres",
    async lines(cartKey) {
      const id = await cartId(cartKey, false);
      if (!id) return [];
      const items = await prisma.cartItem.findMany({ where: { cartId: id }, orderBy: { addedAt: "asc" } });
      return items.map((i) => ({
        productId: i.productId,
        ...(i.variantId ? { variantId: i.variantId } : {}),
        quantity: i.quantity,
        unitPriceCentsAdded: i.unitPriceCentsAdded,
        addedAt: i.addedAt.getTime(),
      }));
    },
    async setLine(cartKey, line) {
      if (line.quantity <= 0) return this.removeLine(cartKey, line);
      const id = (await cartId(cartKey, true))!;
      const variantKey = line.variantId ?? "";
      await prisma.cartItem.upsert({
        where: { cartId_productId_variantKey: { cartId: id, productId: line.productId, variantKey } },
        create: {
          cartId: id,
          productId: line.productId,
          variantKey,
          variantId: line.variantId ?? null,
          quantity: line.quantity,
          unitPriceCentsAdded: line.unitPriceCentsAdded,
        },
        update: { quantity: line.quantity },
      });
    },
    async removeLine(cartKey, line) {
      const id = await cartId(cartKey, false);
      if (id)
        await prisma.cartItem.deleteMany({
          where: { cartId: id, productId: line.productId, variantKey: line.variantId ?? "" },
        });
    },
    async clear(cartKey) {
      await prisma.cart.deleteMany({ where: where(cartKey) });
    },
  };
}
