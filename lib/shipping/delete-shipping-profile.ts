import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

/**
 * Deletes one of the seller's own profiles that no listing uses and that is not the default
 * (listings fall back to the default, so the shop always has one). Archived listings that
 * still name it fall back to the default too (the foreign key sets theirs to null).
 */
export async function deleteShippingProfile(opts: { sellerId: string; profileId: string }): Promise<void> {
  await db().$transaction(async (tx) => {
    const profile = await tx.shippingProfile.findFirst({
      where: { id: opts.profileId, sellerId: opts.sellerId },
      select: { id: true, name: true, isDefault: true },
    });
    if (!profile) throw new AppError("not_found", "Shipping profile not found.");
    if (profile.isDefault)
      throw new AppError("conflict", `${profile.name} is your shop's default; make another profile the default first.`);
    const used = await tx.product.count({
      where: { shippingProfileId: profile.id, sellerId: opts.sellerId, status: { not: "archived" } },
    });
    if (used > 0)
      throw new AppError(
        "conflict",
        `${used} ${used === 1 ? "listing uses" : "listings use"} ${profile.name}; choose another profile for ${used === 1 ? "it" : "them"} first.`,
        { listings: used },
      );
    await tx.shippingProfile.deleteMany({ where: { id: profile.id, sellerId: opts.sellerId } });
  });
}
