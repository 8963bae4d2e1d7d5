import "server-only";

import type { z } from "zod";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";

import { ZAddress, type AddressRecord } from "./address-input";
import { toAddressRecord } from "./to-address-record";

/** Adds an address to a buyer's book; the first one (or one marked default) becomes the default. */
export async function addAddress(userId: string, raw: z.input<typeof ZAddress>): Promise<AddressRecord> {
  const input = parseInput(ZAddress, raw);
  return db().$transaction(async (tx) => {
    const count = await tx.address.count({ where: { userId } });
    if (count >= 50) throw new AppError("conflict", "Your address book is full (50 addresses). Remove one first.");
    const isDefault = input.isDefault || count === 0;
    if (isDefault) await tx.address.updateMany({ where: { userId, isDefault: true }, data: { isDefault: false } });
    const a = await tx.address.create({ data: { ...input, userId, isDefault } });
    return toAddressRecord(a);
  });
}
