import "server-only";

import { getSellerCancellationRate, type SellerCancellationRate } from "@/lib/analytics/get-seller-cancellation-rate";
import { getSellerListingCounts, type SellerListingCounts } from "@/lib/analytics/get-seller-listing-counts";
import { db } from "@/lib/db/client";

export type SellerOverview = SellerListingCounts & {
  shopName: string;
  slug: string;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  ratingAvg: number;
  ratingCount: number;
  cancellations: SellerCancellationRate;
};

/** The dashboard's summary for one seller: the shop's profile and its counters; every query is scoped to that seller. */
export async function getSellerOverview(sellerId: string): Promise<SellerOverview> {
  const [profile, counts, cancellations] = await Promise.all([
    db().sellerProfile.findUniqueOrThrow({
      where: { id: sellerId },
      select: {
        shopName: true,
        slug: true,
        chargesEnabled: true,
        payoutsEnabled: true,
        ratingAvg: true,
        ratingCount: true,
      },
    }),
    getSellerListingCounts({ sellerId }),
    getSellerCancellationRate({ sellerId }),
  ]);
  return { ...profile, ...counts, cancellations };
}
