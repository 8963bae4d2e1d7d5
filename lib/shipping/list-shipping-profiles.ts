import "server-only";

import { db } from "@/lib/db/client";

/** A seller's own shipping profiles (the default first) with their zones, for the dashboard. */
export function listShippingProfiles(sellerId: string) {
  return db().shippingProfile.findMany({
    where: { sellerId },
    orderBy: [{ isDefault: "desc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      isDefault: true,
      currency: true,
      zones: { orderBy: [{ restOfWorld: "asc" }, { createdAt: "asc" }] },
    },
  });
}
