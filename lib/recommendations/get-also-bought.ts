import "server-only";

import { readDb } from "@/lib/db/read-db";

import { readAlsoBoughtCache, writeAlsoBoughtCache, type CoPurchase } from "./co-purchase-cache";

/**
 * The listings most often bought with these (summed over them, the given ones left out), best
 * first: from Redis, else from co_purchase_pairs (and cached for the next reader).
 */
export async function getAlsoBought(productIds: string[], limit: number): Promise<string[]> {
  const cached = await readAlsoBoughtCache(productIds);
  const missing = productIds.filter((id) => !cached.has(id));
  if (missing.length) {
    const rows = await readDb().coPurchasePair.findMany({
      where: { productId: { in: missing } },
      orderBy: [{ checkouts: "desc" }, { otherProductId: "asc" }],
      select: { productId: true, otherProductId: true, checkouts: true },
    });
    const filled = new Map<string, CoPurchase[]>(missing.map((id) => [id, []]));
    for (const r of rows) filled.get(r.productId)!.push({ productId: r.otherProductId, checkouts: r.checkouts });
    for (const [id, list] of filled) cached.set(id, list);
    await writeAlsoBoughtCache(filled).catch(() => {});
  }
  const given = new Set(productIds);
  const score = new Map<string, number>();
  for (const list of cached.values())
    for (const c of list)
      if (!given.has(c.productId)) score.set(c.productId, (score.get(c.productId) ?? 0) + c.checkouts);
  return [...score.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([id]) => id);
}
