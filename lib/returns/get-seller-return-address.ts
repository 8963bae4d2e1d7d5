import "server-only";

import { db } from "@/lib/db/client";

import type { StoredAddress } from "./return-address";

/** Where a seller's returns go unless they say otherwise: their default address, if they have one. */
export async function getSellerReturnAddress(sellerId: string): Promise<StoredAddress | null> {
  const a = await db().address.findFirst({
    where: { user: { sellerProfile: { id: sellerId } } },
    orderBy: [{ isDefault: "desc" }, { createdAt: "desc" }],
  });
  return a
    ? {
        fullName: a.fullName,
        line1: a.line1,
        line2: a.line2,
        city: a.city,
        region: a.region,
        postalCode: a.postalCode,
        country: a.country,
      }
    : null;
}
