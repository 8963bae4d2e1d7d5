import "server-only";

import { db } from "@/lib/db/client";

/** The country of a buyer's default address (else their newest), or null without one. */
export async function getBuyerCountry(userId: string): Promise<string | null> {
  const address = await db().address.findFirst({
    where: { userId },
    orderBy: [{ isDefault: "desc" }, { createdAt: "desc" }],
    select: { country: true },
  });
  return address?.country ?? null;
}
