import "server-only";

import type { Carrier } from "@/lib/carriers/carrier";
import { db } from "@/lib/db/client";

import { syncReturnTracking } from "./sync-return-tracking";

/** The polling backstop for lost webhooks: every labelled return still on its way, least recently checked first. */
export async function pollReturnTracking(
  opts: { limit?: number; carrier?: Carrier } = {},
): Promise<{ checked: number; moved: number; failed: number }> {
  const due = await db().return.findMany({
    where: { status: { in: ["accepted", "in_transit"] }, trackingNumber: { not: null } },
    orderBy: [{ trackingCheckedAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
    take: opts.limit ?? 200,
    select: { trackingNumber: true },
  });
  let moved = 0;
  let failed = 0;
  for (const d of due) {
    try {
      if ((await syncReturnTracking({ trackingNumber: d.trackingNumber!, carrier: opts.carrier })) === "moved") moved++;
    } catch {
      failed++;
    }
  }
  if (failed > 0 && failed === due.length)
    throw new Error(`The carrier could not be reached for any of ${failed} returns; the poll is retried.`);
  return { checked: due.length, moved, failed };
}
