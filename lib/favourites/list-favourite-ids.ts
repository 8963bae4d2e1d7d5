import "server-only";

import { db } from "@/lib/db/client";

/** The most a buyer's hearts are lit from (the newest first); the favourites page pages the rest. */
export const MAX_FAVOURITE_IDS = 500;

/** The listings a buyer saved, newest first: what the hearts on cards and product pages show. */
export async function listFavouriteIds(userId: string): Promise<string[]> {
  const rows = await db().favourite.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { productId: "asc" }],
    take: MAX_FAVOURITE_IDS,
    select: { productId: true },
  });
  return rows.map((r) => r.productId);
}
