import "server-only";

import { redis } from "@/lib/redis/client";

// "Also bought" lists in Redis, one key per listing: the other listings bought with it in the
// same paid checkout and how often, best first. Written by the compute-co-purchases job after its
// transaction commits; co_purchase_pairs in PostgreSQL is the fallback on a miss or without Redis.
export const ALSO_BOUGHT_KEPT = 12;
// Longer than the nightly full rebuild's period: a key outlives a day without a job run.
export const ALSO_BOUGHT_TTL_SECONDS = 3 * 24 * 60 * 60;

export type CoPurchase = { productId: string; checkouts: number };

const key = (productId: string) => `rec:also:${productId}`;

/** The cached lists for these listings; a listing missing from the map was not cached (or Redis is down). */
export async function readAlsoBoughtCache(productIds: string[]): Promise<Map<string, CoPurchase[]>> {
  const client = redis();
  const out = new Map<string, CoPurchase[]>();
  if (!client || productIds.length === 0) return out;
  try {
    const values = await client.mget(productIds.map(key));
    values.forEach((v, i) => {
      if (v !== null) out.set(productIds[i], JSON.parse(v) as CoPurchase[]);
    });
  } catch {
    // Redis unavailable: the caller reads PostgreSQL.
  }
  return out;
}

/** Stores each listing's list (an empty one too, so a listing never bought with another is a hit). */
export async function writeAlsoBoughtCache(lists: Map<string, CoPurchase[]>): Promise<void> {
  const client = redis();
  if (!client || lists.size === 0) return;
  const pipeline = client.pipeline();
  for (const [productId, list] of lists)
    pipeline.set(key(productId), JSON.stringify(list.slice(0, ALSO_BOUGHT_KEPT)), "EX", ALSO_BOUGHT_TTL_SECONDS);
  await pipeline.exec();
}
