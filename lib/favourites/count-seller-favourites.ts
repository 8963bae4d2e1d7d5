import "server-only";

import { db } from "@/lib/db/client";

/**
 * How many buyers saved each of a seller's listings, and in all: the seller's own listings
 * only (the seller id is in the query), for their dashboard and listing list.
 */
export async function countSellerFavourites(opts: {
  sellerId: string;
  productIds?: string[];
}): Promise<{ total: number; byProduct: Map<string, number> }> {
  const rows = await db().favourite.groupBy({
    by: ["productId"],
    where: {
      product: { sellerId: opts.sellerId },
      ...(opts.productIds ? { productId: { in: opts.productIds } } : {}),
    },
    _count: { _all: true },
  });
  const byProduct = new Map(rows.map((r) => [r.productId, r._count._all]));
  return { total: rows.reduce((sum, r) => sum + r._count._all, 0), byProduct };
}
