import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { InventoryReason } from "@/lib/generated/prisma/enums";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { JOBS } from "@/lib/jobs/queues";
import { recordOutboxEvent } from "@/lib/outbox/record-outbox-event";

export type InventoryChange = {
  productId: string;
  delta: number;
  reason: InventoryReason;
  actorId?: string | null;
  orderId?: string | null;
  note?: string | null;
  /** When set, only this seller's product may change (a seller editing stock). */
  sellerId?: string;
};

/**
 * The one way stock changes: an atomic conditional update that can never take stock below
 * zero (the database CHECK backs it), plus an append-only adjustment row, in the caller's
 * transaction. Used by the seller's stock page, CSV import and order reservation/release.
 * For a hot product it also queues the flash-sale gate's sync (see syncGateStock).
 */
export async function adjustInventory(tx: Tx, change: InventoryChange): Promise<{ inventoryCount: number }> {
  if (!Number.isInteger(change.delta) || change.delta === 0)
    throw new AppError("validation_failed", "Stock change must be a whole number other than zero.");
  const rows = change.sellerId
    ? await tx.$queryRaw<{ inventory_count: number; is_hot: boolean }[]>`
        UPDATE products SET inventory_count = inventory_count + ${change.delta}
         WHERE id = ${change.productId}::uuid AND seller_id = ${change.sellerId}::uuid AND inventory_count + ${change.delta} >= 0
        RETURNING inventory_count, is_hot`
    : await tx.$queryRaw<{ inventory_count: number; is_hot: boolean }[]>`
        UPDATE products SET inventory_count = inventory_count + ${change.delta}
         WHERE id = ${change.productId}::uuid AND inventory_count + ${change.delta} >= 0
        RETURNING inventory_count, is_hot`;
  if (rows.length === 0) {
    const current = await tx.product.findFirst({
      where: { id: change.productId, ...(change.sellerId ? { sellerId: change.sellerId } : {}) },
      select: { inventoryCount: true, title: true },
    });
    if (!current) throw new AppError("not_found", "Product not found.");
    throw new AppError("conflict", `Not enough stock for "${current.title}": ${current.inventoryCount} left.`, {
      available: current.inventoryCount,
      productId: change.productId,
    });
  }
  const inventoryCount = rows[0].inventory_count;
  await tx.inventoryAdjustment.create({
    data: {
      productId: change.productId,
      delta: change.delta,
      resultingCount: inventoryCount,
      reason: change.reason,
      actorId: change.actorId ?? null,
      orderId: change.orderId ?? null,
      note: change.note ?? null,
    },
  });
  await recordOutboxEvent(tx, {
    aggregateType: "product",
    aggregateId: change.productId,
    eventType: "product.inventory_changed",
    payload: { inventoryCount },
  });
  // A hot product's flash-sale gate follows its stock once this transaction commits (the job
  // exists only then). A checkout's reservation is the exception: it took its units from
  // the gate already, before reaching the database.
  if (rows[0].is_hot && change.reason !== "order_reserved")
    await enqueueJob({ name: JOBS.syncGateStock, data: { productIds: [change.productId] }, tx });
  return { inventoryCount };
}
