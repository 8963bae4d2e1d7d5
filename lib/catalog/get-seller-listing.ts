import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

import { LISTING_DETAIL_SELECT, toListingDetail, type ListingDetail } from "./listing-detail";

/** A seller's own listing in any status; another seller's is "not found". */
export async function getSellerListing(opts: { sellerId: string; productId: string }): Promise<ListingDetail> {
  const row = await db().product.findFirst({
    where: { id: opts.productId, sellerId: opts.sellerId },
    select: LISTING_DETAIL_SELECT,
  });
  if (!row) throw new AppError("not_found", "Listing not found.");
  return toListingDetail(row);
}
