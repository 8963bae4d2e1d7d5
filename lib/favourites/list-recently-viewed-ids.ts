import "server-only";

import { db } from "@/lib/db/client";

/** A signed-in buyer's recently viewed listings, newest first. */
export async function listRecentlyViewedIds(opts: { userId: string; limit: number }): Promise<string[]> {
  const rows = await db().recentlyViewed.findMany({
    where: { userId: opts.userId },
    orderBy: [{ viewedAt: "desc" }, { productId: "asc" }],
    take: opts.limit,
    select: { productId: true },
  });
  return rows.map((r) => r.productId);
}
