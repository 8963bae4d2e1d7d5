import "server-only";

import { z } from "zod";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { zText } from "@/lib/errors/input-primitives";
import { zodToAppError } from "@/lib/errors/zod-to-app-error";

import { MAX_LOW_STOCK_THRESHOLD, MAX_STOCK_COUNT, MAX_STOCK_NOTE_LENGTH } from "./parse-stock-csv";
import { setInventoryCount } from "./set-inventory-count";

const wholeNumber = (what: string, max: number) => {
  const range = `${what} must be a whole number from 0 to ${max.toLocaleString("en-US")}.`;
  return z.number({ error: range }).int(range).min(0, range).max(max, range);
};

export const ZUpdateStock = z.object({
  productId: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "Product not found."),
  count: wholeNumber("Stock", MAX_STOCK_COUNT),
  lowStockThreshold: wholeNumber("Low-stock threshold", MAX_LOW_STOCK_THRESHOLD).optional(),
  note: zText({ what: "Note", max: MAX_STOCK_NOTE_LENGTH }).optional(),
});
export type TUpdateStock = z.infer<typeof ZUpdateStock>;

/**
 * A seller sets one product's stock (recorded as a `manual` adjustment) and, optionally,
 * its low-stock threshold, in one transaction; only the seller's own product can change.
 */
export async function updateStock(
  opts: TUpdateStock & { sellerId: string; actorId: string },
): Promise<{ inventoryCount: number; delta: number; lowStockThreshold: number }> {
  const parsed = ZUpdateStock.safeParse(opts);
  if (!parsed.success) throw zodToAppError(parsed.error, "Stock update");
  const { productId, count, lowStockThreshold, note } = parsed.data;
  return db().$transaction(async (tx) => {
    const { inventoryCount, delta } = await setInventoryCount(tx, {
      productId,
      sellerId: opts.sellerId,
      count,
      reason: "manual",
      actorId: opts.actorId,
      note: note || undefined,
    });
    if (lowStockThreshold !== undefined) {
      const { count: updated } = await tx.product.updateMany({
        where: { id: productId, sellerId: opts.sellerId },
        data: { lowStockThreshold },
      });
      if (updated === 0) throw new AppError("not_found", "Product not found.");
      return { inventoryCount, delta, lowStockThreshold };
    }
    const product = await tx.product.findFirstOrThrow({
      where: { id: productId, sellerId: opts.sellerId },
      select: { lowStockThreshold: true },
    });
    return { inventoryCount, delta, lowStockThreshold: product.lowStockThreshold };
  });
}
