import "server-only";

import { db } from "@/lib/db/client";

import type { AdmissionGate } from "./admission-gate";
import { getAdmissionGate } from "./get-admission-gate";
import { syncGateStock } from "./sync-gate-stock";

const BATCH = 500;
const MAX_BATCHES = 20;

/**
 * The every-minute job: sets every hot product's gate counter back to its stock in PostgreSQL,
 * correcting whatever drifted (a sync that never ran, Redis restored from an old snapshot,
 * a request that died between the gate and the database). Bounded: at most 10,000 hot
 * products a run, walked in id order through the partial index on hot products.
 */
export async function reconcileFlashGates(
  opts: { gate?: AdmissionGate; batchSize?: number; maxBatches?: number } = {},
): Promise<{ reset: number }> {
  const gate = opts.gate ?? getAdmissionGate();
  const take = opts.batchSize ?? BATCH;
  let reset = 0;
  let after: string | undefined;
  for (let batch = 0; batch < (opts.maxBatches ?? MAX_BATCHES); batch++) {
    const ids = (
      await db().product.findMany({
        where: { isHot: true, ...(after ? { id: { gt: after } } : {}) },
        orderBy: { id: "asc" },
        take,
        select: { id: true },
      })
    ).map((p) => p.id);
    reset += (await syncGateStock({ productIds: ids, gate })).reset;
    if (ids.length < take) break;
    after = ids[ids.length - 1];
  }
  return { reset };
}
