import type { Tx } from "@/lib/db/client";
import { emitDomainEvent } from "@/lib/outbox/emit-domain-event";

/**
 * After an order is paid (inside its capture's transaction): each of its listings whose stock
 * this sale took from above its low-stock threshold to at or below it is announced once, as
 * product.low_stock, and so is the sale that takes the last one (sold out). Other sales below the
 * threshold announce nothing; a restock above it and the next crossing announce again. One read of the order's listings, no write unless crossing.
 */
export async function announceLowStock(tx: Tx, orderId: string): Promise<number> {
  const crossed = await tx.$queryRaw<{ id: string; inventory_count: number; low_stock_threshold: number }[]>`
    SELECT p.id::text AS id, p.inventory_count, p.low_stock_threshold
      FROM (SELECT product_id, sum(quantity)::int AS quantity FROM order_items WHERE order_id = ${orderId}::uuid GROUP BY product_id) i
      JOIN products p ON p.id = i.product_id
     WHERE (p.inventory_count <= p.low_stock_threshold AND p.inventory_count + i.quantity > p.low_stock_threshold)
        OR p.inventory_count = 0
     ORDER BY p.id`;
  for (const p of crossed)
    await emitDomainEvent(tx, "product.low_stock", {
      productId: p.id,
      inventoryCount: p.inventory_count,
      threshold: p.low_stock_threshold,
    });
  return crossed.length;
}
