import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

/** A live listing of an active shop, with what the cart needs; anything else is "not available". */
export async function getSellableProduct(productId: string) {
  const p = await db().product.findUnique({
    where: { id: productId },
    select: {
      id: true,
      title: true,
      priceCents: true,
      inventoryCount: true,
      status: true,
      seller: { select: { status: true } },
    },
  });
  if (!p || p.status !== "active" || p.seller.status !== "active")
    throw new AppError("not_found", "This product is not available.");
  return p;
}
