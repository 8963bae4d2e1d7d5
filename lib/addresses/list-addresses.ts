import "server-only";

import { db } from "@/lib/db/client";

import type { AddressRecord } from "./address-input";
import { toAddressRecord } from "./to-address-record";

export async function listAddresses(userId: string): Promise<AddressRecord[]> {
  const rows = await db().address.findMany({
    where: { userId },
    orderBy: [{ isDefault: "desc" }, { createdAt: "desc" }],
  });
  return rows.map(toAddressRecord);
}
