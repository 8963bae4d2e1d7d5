import "server-only";

import { z } from "zod";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { zodToAppError } from "@/lib/errors/zod-to-app-error";

import { toAddressRecord } from "./to-address-record";

export const ZAddress = z.object({
  fullName: z
    .string()
    .trim()
    .min(2, "Enter the recipient's full name.")
    .max(100, "Name must be at most 100 characters."),
  line1: z.string().trim().min(3, "Enter the street address.").max(200, "Address must be at most 200 characters."),
  line2: z
    .string()
    .trim()
    .max(200, "Address must be at most 200 characters.")
    .optional()
    .transform((v) => v || undefined),
  city: z.string().trim().min(1, "Enter the city.").max(100, "City must be at most 100 characters."),
  region: z
    .string()
    .trim()
    .max(100, "Region must be at most 100 characters.")
    .optional()
    .transform((v) => v || undefined),
  postalCode: z
    .string()
    .trim()
    .min(2, "Enter the postal code.")
    .max(20, "Postal code must be at most 20 characters.")
    .regex(/^[A-Za-z0-9][A-Za-z0-9 -]*$/, "Postal code may use letters, digits, spaces and hyphens."),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Choose a country."),
  phone: z
    .string()
    .trim()
    .max(30, "Phone must be at most 30 characters.")
    .regex(/^[+0-9 ()-]*$/, "Phone may use digits, spaces, +, ( ) and -.")
    .optional()
    .transform((v) => v || undefined),
  isDefault: z.boolean().optional(),
});

export type AddressRecord = z.infer<typeof ZAddress> & { id: string; isDefault: boolean };

/** Adds an address to a buyer's book; the first one (or one marked default) becomes the default. */
export async function addAddress(userId: string, input: unknown): Promise<AddressRecord> {
  const parsed = ZAddress.safeParse(input);
  if (!parsed.success) throw zodToAppError(parsed.error, "Address");
  return db().$transaction(async (tx) => {
    const count = await tx.address.count({ where: { userId } });
    if (count >= 50) throw new AppError("conflict", "Your address book is full (50 addresses). Remove one first.");
    const isDefault = parsed.data.isDefault || count === 0;
    if (isDefault) await tx.address.updateMany({ where: { userId, isDefault: true }, data: { isDefault: false } });
    const a = await tx.address.create({ data: { ...parsed.data, userId, isDefault } });
    return toAddressRecord(a);
  });
}
