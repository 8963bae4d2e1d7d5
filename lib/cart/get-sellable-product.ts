import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

/**
 * A live listing of an active shop, with what the cart needs, priced and stocked as the line's
 * variant when it has variants (which one must be named); anything else is "not available".
 */
export async function getSellableProduct(productId: string, variantId?: string | null) {
  const p = await db().product.findUnique({
    where: { id: productId },
    select: {
      id: true,
      title: true,
      priceCents: true,
      inventoryCount: true,
      status: true,
      seller: { select: { status: true } },
      options: { orderBy: { position: "asc" }, select: { name: true } },
      variants: {
        where: variantId ? { id: variantId } : { id: { in: [] } },
        select: { id: true, label: true, priceCents: true, inventoryCount: true },
      },
    },
  });
  if (!p || p.status !== "active" || p.seller.status !== "active")
    throw new AppError("not_found", "This product is not available.");
  if (p.options.length === 0) {
    if (variantId) throw new AppError("not_found", "This product has no such option.");
    return { id: p.id, variantId: null, title: p.title, priceCents: p.priceCents, inventoryCount: p.inventoryCount };
  }
  if (!variantId)
    throw new AppError("validation_failed", `Choose a ${p.options.map((o) => o.name.toLowerCase()).join(" and ")}.`, {
      fields: { variantId: "choose an option" },
    });
  const v = p.variants[0];
  if (!v) throw new AppError("not_found", "That option of this product is not available.");
  return {
    id: p.id,
    variantId: v.id,
    title: `${p.title} (${v.label})`,
    priceCents: v.priceCents,
    inventoryCount: v.inventoryCount,
  };
}
