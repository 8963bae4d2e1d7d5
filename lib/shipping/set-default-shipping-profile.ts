import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

/**
 * Makes one of the seller's own profiles the shop default, the one every listing without a
 * profile of its own uses. The old default is cleared first: the index allows one per shop.
 */
export async function setDefaultShippingProfile(opts: { sellerId: string; profileId: string }): Promise<void> {
  await db().$transaction(async (tx) => {
    const profile = await tx.shippingProfile.findFirst({
      where: { id: opts.profileId, sellerId: opts.sellerId },
      select: { id: true, isDefault: true },
    });
    if (!profile) throw new AppError("not_found", "Shipping profile not found.");
    if (profile.isDefault) return;
    await tx.shippingProfile.updateMany({
      where: { sellerId: opts.sellerId, isDefault: true },
      data: { isDefault: false },
    });
    await tx.shippingProfile.updateMany({
      where: { id: profile.id, sellerId: opts.sellerId },
      data: { isDefault: true },
    });
  });
}
