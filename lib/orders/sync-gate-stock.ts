import "server-only";

import { db } from "@/lib/db/client";

import type { AdmissionGate } from "./admission-gate";
import { getAdmissionGate } from "./get-admission-gate";

const CHUNK = 500;

/**
 * Sets the flash-sale gate of each hot product among `productIds` to its stock in PostgreSQL,
 * so stock given back (an expired or cancelled order, a refund with restock, a seller's new
 * stock) can be bought again at once instead of being turned away as "sold out".
 * Call it only after the transaction that changed the stock has committed: it reads committed
 * stock, so stock a rolled-back transaction returned is never given out. Products not marked
 * hot are skipped. Idempotent: running it twice sets the same counts.
 *
 * adjustInventory already queues it (the sync-gate-stock job, in the same transaction) for
 * every change to a hot product's stock other than a checkout's own reservation, so paths that
 * change stock through lib/inventory get this without calling it.
 */
export async function syncGateStock(opts: { productIds: string[]; gate?: AdmissionGate }): Promise<{ reset: number }> {
  const gate = opts.gate ?? getAdmissionGate();
  const ids = [...new Set(opts.productIds)];
  let reset = 0;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const hot = await gateUnits(chunk);
    if (hot.length === 0) continue;
    for (const u of hot) await gate.reset(u.id, u.inventoryCount);
    // Another sync that read newer stock may have written before ours: read once more and
    // write again where the stock moved, so the last write is not an older count.
    const written = new Map(hot.map((u) => [u.id, u.inventoryCount]));
    const now = await gateUnits(chunk);
    for (const u of now) if (u.inventoryCount !== written.get(u.id)) await gate.reset(u.id, u.inventoryCount);
    reset += new Set(hot.map((u) => u.productId)).size;
  }
  return { reset };
}

/** The gate counters of these products that are hot: one per variant, or the product's own (gateUnit). */
async function gateUnits(productIds: string[]): Promise<{ id: string; productId: string; inventoryCount: number }[]> {
  const hot = await db().product.findMany({
    where: { id: { in: productIds }, isHot: true },
    select: { id: true, inventoryCount: true, variants: { select: { id: true, inventoryCount: true } } },
  });
  return hot.flatMap((p) =>
    p.variants.length
      ? p.variants.map((v) => ({ id: v.id, productId: p.id, inventoryCount: v.inventoryCount }))
      : [{ id: p.id, productId: p.id, inventoryCount: p.inventoryCount }],
  );
}
