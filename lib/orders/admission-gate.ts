// The flash-sale gate: for hot products, an admission counter sheds the excess before it
// reaches PostgreSQL. The database stays the authority (its conditional decrement decides);
// the gate only says "certainly sold out" early. Redis when configured, else per process.
import "server-only";

import type Redis from "ioredis";

import { db } from "@/lib/db/client";

export type Admission = "admitted" | "sold_out" | "bypass";

export interface AdmissionGate {
  readonly kind: "redis" | "memory";
  /** Takes `quantity` from the counter; "bypass" when the gate cannot answer (Redis down). */
  admit(productId: string, quantity: number): Promise<Admission>;
  /** Gives back what was taken when the database refused or the request went nowhere. */
  release(productId: string, quantity: number): Promise<void>;
  /** Resets the counter to the database's stock (after an outage, or by the reconcile job). */
  reset(productId: string, count: number): Promise<void>;
  /**
   * What is left, taking nothing; null when this gate cannot say (no counter, Redis down, or a
   * per-process counter that may not have heard of stock returned elsewhere). A number below
   * what a buyer asks for is the same "sold out" admit() would answer.
   */
  peek(productId: string): Promise<number | null>;
  /** Drops the counter: the product is no longer a flash sale, so no old count may answer for it. */
  forget(productId: string): Promise<void>;
}

/**
 * What one counter counts: a variant for a listing with variants (each size of a flash-sale
 * T-shirt sells out on its own), else the product. Ids are UUIDs, so the two never collide.
 */
export const gateUnit = (line: { productId: string; variantId?: string | null }) => line.variantId ?? line.productId;

// A unit's stock: the variant's, else the product's.
async function stockOf(unitId: string): Promise<number> {
  const rows = await db().$queryRaw<{ inventory_count: number }[]>`
    SELECT inventory_count FROM product_variants WHERE id = ${unitId}::uuid
    UNION ALL SELECT inventory_count FROM products WHERE id = ${unitId}::uuid`;
  return rows[0]?.inventory_count ?? 0;
}

const gateKey = (productId: string) => `gate:{${productId}}`;

// DECRBY, and if that went below zero put it back: one round trip, atomic.
const ADMIT = `
local v = redis.call('DECRBY', KEYS[1], ARGV[1])
if v < 0 then redis.call('INCRBY', KEYS[1], ARGV[1]) return -1 end
return v`;

export function redisAdmissionGate(client: Redis): AdmissionGate {
  return {
    kind: "redis",
    async admit(productId, quantity) {
      try {
        const key = gateKey(productId);
        // A missing counter (first sale, or Redis restarted) is rebuilt from the database.
        if ((await client.exists(key)) === 0) await client.set(key, await stockOf(productId), "EX", 3600, "NX");
        const left = (await client.eval(ADMIT, 1, key, quantity)) as number;
        return left < 0 ? "sold_out" : "admitted";
      } catch {
        return "bypass";
      }
    },
    async release(productId, quantity) {
      await client.incrby(gateKey(productId), quantity).catch(() => {});
    },
    async reset(productId, count) {
      await client.set(gateKey(productId), count, "EX", 3600).catch(() => {});
    },
    async peek(productId) {
      const left = await client.get(gateKey(productId)).catch(() => null);
      return left === null ? null : Number(left);
    },
    async forget(productId) {
      await client.del(gateKey(productId)).catch(() => {});
    },
  };
}

/**
 * The per-process gate (no Redis). Stock returned by another process (the worker's
 * reservation expiry, a second web replica) never reaches this counter, so before it says
 * "sold out" it asks the database again, at most once per `recheckAfterMs` per product.
 */
export function memoryAdmissionGate(
  opts: { loadStock?: (productId: string) => Promise<number>; recheckAfterMs?: number; now?: () => number } = {},
): AdmissionGate {
  const loadStock = opts.loadStock ?? stockOf;
  const recheckAfterMs = opts.recheckAfterMs ?? 1000;
  const now = opts.now ?? Date.now;
  const counters = new Map<string, number>();
  const loadedAt = new Map<string, number>();
  const loading = new Map<string, Promise<void>>();
  // One database read per product at a time, however many buyers are waiting on it.
  async function load(productId: string) {
    if (!loading.has(productId)) {
      const started = now();
      const p = loadStock(productId)
        .then((count) => {
          counters.set(productId, count);
          loadedAt.set(productId, started);
        })
        .finally(() => loading.delete(productId));
      loading.set(productId, p);
    }
    await loading.get(productId);
  }
  return {
    kind: "memory",
    async admit(productId, quantity) {
      if (!counters.has(productId)) await load(productId);
      if (counters.get(productId)! < quantity && now() - (loadedAt.get(productId) ?? 0) >= recheckAfterMs)
        await load(productId);
      const left = counters.get(productId)! - quantity;
      if (left < 0) return "sold_out";
      counters.set(productId, left);
      return "admitted";
    },
    async release(productId, quantity) {
      if (counters.has(productId)) counters.set(productId, counters.get(productId)! + quantity);
    },
    async reset(productId, count) {
      counters.set(productId, count);
      loadedAt.set(productId, now());
    },
    // Only admit() may say sold out here: it asks the database again first.
    async peek() {
      return null;
    },
    async forget(productId) {
      counters.delete(productId);
      loadedAt.delete(productId);
    },
  };
}
