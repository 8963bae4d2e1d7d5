import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

/**
 * Saves a listing to a buyer's favourites, or takes it off. Only a live listing can be saved;
 * taking one off is keyed on the buyer's own id, so nobody can unfavourite for another. Both are
 * idempotent: saving twice keeps one row, removing a missing one changes nothing.
 */
export async function setFavourite(opts: {
  userId: string;
  productId: string;
  favourite: boolean;
}): Promise<{ favourite: boolean }> {
  if (!opts.favourite) {
    await db().favourite.deleteMany({ where: { userId: opts.userId, productId: opts.productId } });
    return { favourite: false };
  }
  const product = await db().product.findFirst({
    where: { id: opts.productId, status: "active" },
    select: { id: true },
  });
  if (!product) throw new AppError("not_found", "This listing is not available any more.");
  await db().favourite.upsert({
    where: { userId_productId: { userId: opts.userId, productId: product.id } },
    create: { userId: opts.userId, productId: product.id },
    update: {},
  });
  return { favourite: true };
}
