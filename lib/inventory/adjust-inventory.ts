import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { Prisma } from "@/lib/generated/prisma/client";
import type { InventoryReason } from "@/lib/generated/prisma/enums";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { JOBS } from "@/lib/jobs/queues";
import { emitDomainEvent } from "@/lib/outbox/emit-domain-event";

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

const RESTOCK_REASONS: ReadonlySet<InventoryReason> = new Set(["manual", "csv_import", "correction"]);

/**
 * The one way stock changes: an atomic conditional update that can never take stock below
 * zero (the database CHECK backs it), plus an append-only adjustment row, in the caller's
 * transaction. Used by the seller's stock page, CSV import and order reservation/release.
 * For a hot product it also queues the flash-sale gate's sync (see syncGateStock).
 */
export async function adjustInventory(tx: Tx, change: InventoryChange): Promise<{ inventoryCount: number }> {
  if (!Number.isInteger(change.delta) || change.delta === 0)
    throw new AppError("validation_failed", "Stock change must be a whole number other than zero.");
  // The update, its adjustment row and its outbox event in one statement (data-modifying
  // CTEs): stock changes on every checkout, and three round trips became one.
  const seller = change.sellerId ? Prisma.sql`AND seller_id = ${change.sellerId}::uuid` : Prisma.empty;
  const rows = await tx.$queryRaw<{ inventory_count: number; is_hot: boolean }[]>`
    WITH u AS (
      UPDATE products SET inventory_count = inventory_count + ${change.delta}
       WHERE id = ${change.productId}::uuid ${seller} AND inventory_count + ${change.delta} >= 0
      RETURNING id, inventory_count, is_hot
    ), a AS (
      INSERT INTO inventory_adjustments (id, product_id, delta, resulting_count, reason, actor_id, order_id, note)
      SELECT gen_random_uuid(), u.id, ${change.delta}, u.inventory_count, ${change.reason}::"InventoryReason",
             ${change.actorId ?? null}::uuid, ${change.orderId ?? null}::uuid, ${change.note ?? null} FROM u
    ), e AS (
      INSERT INTO outbox_events (aggregate_type, aggregate_id, event_type, payload)
      SELECT 'product', u.id::text, 'product.inventory_changed', jsonb_build_object('inventoryCount', u.inventory_count) FROM u
    )
    SELECT inventory_count, is_hot FROM u`;
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
  // Sold out until this change: the buyers who saved it hear it is back (in this transaction,
  // so exactly once per restock). Only a seller's restock counts: units a lapsed checkout
  // hands back would make a listing flicker in and out of stock for them.
  if (change.delta > 0 && inventoryCount === change.delta && RESTOCK_REASONS.has(change.reason))
    await emitDomainEvent(tx, "product.back_in_stock", { productId: change.productId, inventoryCount });
  // A hot product's flash-sale gate follows its stock once this transaction commits (the job
  // exists only then). A checkout's reservation is the exception: it took its units from
  // the gate already, before reaching the database.
  if (rows[0].is_hot && change.reason !== "order_reserved")
    await enqueueJob({ name: JOBS.syncGateStock, data: { productIds: [change.productId] }, tx });
  return { inventoryCount };
}
