import "server-only";

import { db } from "@/lib/db/client";

import { cancelUnpaidOrder } from "./cancel-unpaid-order";

const BATCH = 500;
const MAX_BATCHES = 40;

/** The every-minute job: cancels orders left unpaid past their reservation and returns their stock. */
export async function expireReservations(opts: { now?: Date } = {}): Promise<{ cancelled: number }> {
  const now = opts.now ?? new Date();
  let cancelled = 0;
  let after: Date | undefined;
  // Batches in expiry order until nothing is due (bounded, so one run cannot loop forever).
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const due = await db().order.findMany({
      where: { status: "pending", reservationExpiresAt: { lt: now, ...(after ? { gte: after } : {}) } },
      orderBy: { reservationExpiresAt: "asc" },
      take: BATCH,
      select: { id: true, reservationExpiresAt: true },
    });
    for (const o of due)
      if (
        await cancelUnpaidOrder({
          orderId: o.id,
          actorType: "system",
          note: "Not paid within 10 minutes; reservation released",
        })
      )
        cancelled++;
    if (due.length < BATCH) break;
    after = due[due.length - 1].reservationExpiresAt;
  }
  return { cancelled };
}
