import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";

import { RenameShippingProfileInput } from "./shipping-profile-input";

/** Renames one of the seller's own profiles (buyers see the name when a profile does not ship). */
export async function renameShippingProfile(opts: { sellerId: string; profileId: string; input: unknown }) {
  const { name } = parseInput(RenameShippingProfileInput, opts.input);
  const { count } = await db().shippingProfile.updateMany({
    where: { id: opts.profileId, sellerId: opts.sellerId },
    data: { name },
  });
  if (count === 0) throw new AppError("not_found", "Shipping profile not found.");
}
