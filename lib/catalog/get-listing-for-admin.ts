import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

import { LISTING_DETAIL_SELECT, toListingDetail, type ListingDetail } from "./listing-detail";

/** Any listing in any status, with its moderation history, for the admin console. */
export async function getListingForAdmin(productId: string): Promise<
  ListingDetail & {
    cases: { id: string; status: string; reasons: { message: string }[]; resolution: string | null; createdAt: Date }[];
  }
> {
  const row = await db().product.findUnique({
    where: { id: productId },
    select: {
      ...LISTING_DETAIL_SELECT,
      cases: {
        orderBy: { createdAt: "desc" },
        select: { id: true, status: true, reasons: true, resolution: true, createdAt: true },
      },
    },
  });
  if (!row) throw new AppError("not_found", "Listing not found.");
  const { cases, ...rest } = row;
  return { ...toListingDetail(rest), cases: cases.map((c) => ({ ...c, reasons: c.reasons as { message: string }[] })) };
}
