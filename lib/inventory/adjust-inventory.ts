import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { Prisma } from "@/lib/generated/prisma/client";
import type { InventoryReason } from "@/lib/generated/prisma/enums";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { JOBS } from "@/lib/jobs/queues";
import { emitDomainEvent } from "@/lib/outbox/emit-domain-event";

export type InventoryChange = {
  productId: string;
  /** The variant whose stock changes; required for a listing with variants, whose product row keeps their sum. */
  variantId?: string | null;
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
  if (change.variantId) return adjustVariantInventory(tx, { ...change, variantId: change.variantId });
  // The update, its adjustment row and its outbox event in one statement (data-modifying
  // CTEs): stock changes on every checkout, and three round trips became one.
  const seller = change.sellerId ? Prisma.sql`AND seller_id = ${change.sellerId}::uuid` : Prisma.empty;
  const rows = await tx.$queryRaw<{ inventory_count: number; is_hot: boolean }[]>`
    WITH u AS (
      UPDATE products SET inventory_count = inventory_count + ${change.delta}
       WHERE id = ${change.productId}::uuid ${seller} AND inventory_count + ${change.delta} >= 0
         -- A listing with variants keeps its stock on them: its total moves only with one.
         AND NOT EXISTS (SELECT 1 FROM product_variants v WHERE v.product_id = products.id)
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
      select: { inventoryCount: true, title: true, _count: { select: { variants: true } } },
    });
    if (!current) throw new AppError("not_found", "Product not found.");
    if (current._count.variants > 0)
      throw new AppError("validation_failed", `"${current.title}" has variants: change the stock of one of them.`, {
        fields: { variantId: "choose a variant" },
      });
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

/**
 * A variant's stock and its product's total move together in one statement. The product row is
 * updated (and so locked) first, as every stock path locks it, so two changes to one listing's
 * variants queue on the product rather than deadlock; the variant's CHECK (inventory_count >= 0)
 * is the authority should the EXISTS have read a count another statement was changing.
 * Returns the variant's count.
 */
async function adjustVariantInventory(
  tx: Tx,
  change: InventoryChange & { variantId: string },
): Promise<{ inventoryCount: number }> {
  const seller = change.sellerId ? Prisma.sql`AND seller_id = ${change.sellerId}::uuid` : Prisma.empty;
  const rows = await tx.$queryRaw<{ inventory_count: number; is_hot: boolean }[]>`
    WITH p AS (
      UPDATE products SET inventory_count = inventory_count + ${change.delta}
       WHERE id = ${change.productId}::uuid ${seller}
         AND EXISTS (SELECT 1 FROM product_variants v
                      WHERE v.id = ${change.variantId}::uuid AND v.product_id = ${change.productId}::uuid
                        AND v.inventory_count + ${change.delta} >= 0)
      RETURNING id, inventory_count, is_hot
    ), u AS (
      UPDATE product_variants v SET inventory_count = v.inventory_count + ${change.delta}
        FROM p WHERE v.id = ${change.variantId}::uuid AND v.product_id = p.id
      RETURNING v.id, v.inventory_count, p.inventory_count AS product_count, p.is_hot
    ), a AS (
      INSERT INTO inventory_adjustments (id, product_id, variant_id, delta, resulting_count, reason, actor_id, order_id, note)
      SELECT gen_random_uuid(), ${change.productId}::uuid, u.id, ${change.delta}, u.inventory_count,
             ${change.reason}::"InventoryReason", ${change.actorId ?? null}::uuid, ${change.orderId ?? null}::uuid,
             ${change.note ?? null} FROM u
    ), e AS (
      INSERT INTO outbox_events (aggregate_type, aggregate_id, event_type, payload)
      SELECT 'product', ${change.productId}, 'product.inventory_changed',
             jsonb_build_object('inventoryCount', u.product_count, 'variantId', u.id::text, 'variantCount', u.inventory_count)
        FROM u
    )
    SELECT inventory_count, is_hot FROM u`;
  if (rows.length === 0) {
    const current = await tx.productVariant.findFirst({
      where: {
        id: change.variantId,
        productId: change.productId,
        ...(change.sellerId ? { product: { sellerId: change.sellerId } } : {}),
      },
      select: { inventoryCount: true, label: true, product: { select: { title: true } } },
    });
    if (!current) throw new AppError("not_found", "Product not found.");
    throw new AppError(
      "conflict",
      `Not enough stock for "${current.product.title}" (${current.label}): ${current.inventoryCount} left.`,
      { available: current.inventoryCount, productId: change.productId, variantId: change.variantId },
    );
  }
  if (rows[0].is_hot && change.reason !== "order_reserved")
    await enqueueJob({ name: JOBS.syncGateStock, data: { productIds: [change.productId] }, tx });
  return { inventoryCount: rows[0].inventory_count };
}
