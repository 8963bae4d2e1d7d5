import "server-only";

import type { Carrier } from "@/lib/carriers/carrier";
import { getCarrier } from "@/lib/carriers/get-carrier";
import { db } from "@/lib/db/client";
import type { ActorType, ReturnStatus } from "@/lib/generated/prisma/enums";

import { canMoveReturn, transitionReturn } from "./return-status";

export type TrackingSyncOutcome = "moved" | "unchanged" | "unknown_parcel" | "no_return";

/**
 * Brings a labelled return up to date with the carrier's tracking: in transit, or delivered
 * (with the carrier's delivery time, which starts the seller's silent period). The carrier is
 * asked (a webhook only says "look again", so a forged or replayed one changes nothing), and
 * moves are conditional, so repeats and races are harmless.
 */
export async function syncReturnTracking(opts: {
  trackingNumber: string;
  actorType?: Extract<ActorType, "webhook" | "system">;
  carrier?: Carrier;
}): Promise<TrackingSyncOutcome> {
  const r = await db().return.findUnique({
    where: { trackingNumber: opts.trackingNumber },
    select: { id: true, status: true, carrierDeliveredAt: true },
  });
  if (!r) return "no_return";
  const tracking = await (opts.carrier ?? getCarrier()).getTracking(opts.trackingNumber);
  if (!tracking) return "unknown_parcel";
  const actorType = opts.actorType ?? "system";
  return db().$transaction(async (tx) => {
    await tx.return.update({ where: { id: r.id }, data: { trackingCheckedAt: new Date() } });
    const target: ReturnStatus | null =
      tracking.status === "delivered" ? "delivered" : tracking.status === "in_transit" ? "in_transit" : null;
    if (!target) return "unchanged";
    const deliveredAt = tracking.deliveredAt ?? new Date();
    if (!canMoveReturn(r.status, target, actorType)) {
      // The seller confirmed receipt first; still note when the carrier delivered it.
      if (target === "delivered" && !r.carrierDeliveredAt)
        await tx.return.updateMany({
          where: { id: r.id, carrierDeliveredAt: null },
          data: { carrierDeliveredAt: deliveredAt },
        });
      return "unchanged";
    }
    const moved = await transitionReturn(tx, {
      returnId: r.id,
      to: target,
      actorType,
      at: target === "delivered" ? deliveredAt : undefined,
      note: tracking.events.at(-1)?.description ?? null,
      from: [r.status],
    });
    return moved.changed ? "moved" : "unchanged";
  });
}
