import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { InventoryReason } from "@/lib/generated/prisma/enums";

import { adjustInventory } from "./adjust-inventory";

/** Sets stock to an absolute count (stock page, CSV import): locks the row, then adjusts by the difference. */
export async function setInventoryCount(
  tx: Tx,
  opts: {
    productId: string;
    /** The variant to set, for a listing with variants. */
    variantId?: string | null;
    sellerId: string;
    count: number;
    reason: InventoryReason;
    actorId: string;
    note?: string;
  },
): Promise<{ inventoryCount: number; delta: number }> {
  if (!Number.isInteger(opts.count) || opts.count < 0 || opts.count > 1_000_000)
    throw new AppError("validation_failed", "Stock must be a whole number from 0 to 1,000,000.");
  const locked = await tx.$queryRaw<{ inventory_count: number }[]>`
    SELECT inventory_count FROM products WHERE id = ${opts.productId}::uuid AND seller_id = ${opts.sellerId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw new AppError("not_found", "Product not found.");
  let current = locked[0].inventory_count;
  if (opts.variantId) {
    // Product row first, then the variant's: the order every stock path locks in.
    const variant = await tx.$queryRaw<{ inventory_count: number }[]>`
      SELECT inventory_count FROM product_variants
       WHERE id = ${opts.variantId}::uuid AND product_id = ${opts.productId}::uuid FOR UPDATE`;
    if (variant.length === 0) throw new AppError("not_found", "Variant not found.");
    current = variant[0].inventory_count;
  }
  const delta = opts.count - current;
  if (delta === 0) return { inventoryCount: opts.count, delta: 0 };
  const { inventoryCount } = await adjustInventory(tx, {
    productId: opts.productId,
    variantId: opts.variantId,
    sellerId: opts.sellerId,
    delta,
    reason: opts.reason,
    actorId: opts.actorId,
    note: opts.note,
  });
  return { inventoryCount, delta };
}
