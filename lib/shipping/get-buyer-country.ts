import "server-only";

import { z } from "zod";

import { db } from "@/lib/db/client";

const ZAddressId = z.uuid();

/**
 * The buyer's ship-to address for quoting: the one they chose (only their own: the owner is in
 * the query), else their default, else their newest; null without an address.
 */
export async function getShipToAddress(
  userId: string,
  addressId?: string | null,
): Promise<{ id: string; country: string } | null> {
  const chosen = ZAddressId.safeParse(addressId).success
    ? await db().address.findFirst({ where: { id: addressId!, userId }, select: { id: true, country: true } })
    : null;
  return (
    chosen ??
    db().address.findFirst({
      where: { userId },
      orderBy: [{ isDefault: "desc" }, { createdAt: "desc" }],
      select: { id: true, country: true },
    })
  );
}

/** The country of a buyer's default address (else their newest), or null without one. */
export async function getBuyerCountry(userId: string): Promise<string | null> {
  return (await getShipToAddress(userId))?.country ?? null;
}
