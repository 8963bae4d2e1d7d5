import "server-only";

import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

/**
 * A listing's shipping profile is one of its seller's own (another shop's is unknown), with
 * rates in the listing's currency, since checkout charges shipping in the items' currency.
 * No profile (null) means the shop's default, checked when it is charged.
 */
export async function assertListingProfile(
  tx: Tx,
  opts: { sellerId: string; profileId: string | null; currency: string },
): Promise<void> {
  if (opts.profileId === null) return;
  const profile = await tx.shippingProfile.findFirst({
    where: { id: opts.profileId, sellerId: opts.sellerId },
    select: { name: true, currency: true },
  });
  if (!profile)
    throw new AppError("validation_failed", "Choose one of your shipping profiles.", {
      fields: { shippingProfileId: "Choose one of your shipping profiles." },
    });
  if (profile.currency !== opts.currency) {
    const message = `${profile.name} charges shipping in ${profile.currency}; this listing is priced in ${opts.currency}.`;
    throw new AppError("validation_failed", message, { fields: { shippingProfileId: message } });
  }
}
