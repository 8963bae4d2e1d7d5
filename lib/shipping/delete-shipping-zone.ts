import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

/** Removes a zone from one of the seller's own profiles: its countries are no longer served. */
export async function deleteShippingZone(opts: { sellerId: string; zoneId: string }): Promise<void> {
  const { count } = await db().shippingZone.deleteMany({
    where: { id: opts.zoneId, profile: { sellerId: opts.sellerId } },
  });
  if (count === 0) throw new AppError("not_found", "Shipping zone not found.");
}
