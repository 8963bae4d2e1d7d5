import type { Tx } from "@/lib/db/client";
import { adjustInventory } from "@/lib/inventory/adjust-inventory";

export type RestoredReservation =
  | { restored: true }
  | { restored: false; soldOut: { productId: string; variantId: string | null; title: string; available: number } };

/**
 * Takes the stock of an order whose reservation a failed payment released back again, all of
 * it or none: its products are locked first (then their variants, the order every stock path
 * locks in), so the check and the takes agree. A pending order that was never released is left
 * as it is. Returns which product (or variant) ran out when it cannot.
 */
export async function restoreOrderReservation(tx: Tx, opts: { orderId: string }): Promise<RestoredReservation> {
  // Order row before product rows, the order every stock path here locks in.
  await tx.$queryRaw`SELECT id FROM orders WHERE id = ${opts.orderId}::uuid FOR UPDATE`;
  const order = await tx.order.findUnique({
    where: { id: opts.orderId },
    select: {
      status: true,
      reservationReleasedAt: true,
      buyerId: true,
      items: {
        orderBy: [{ productId: "asc" }, { variantId: "asc" }],
        select: { productId: true, variantId: true, quantity: true, titleSnapshot: true },
      },
    },
  });
  if (!order || order.status !== "pending" || !order.reservationReleasedAt) return { restored: true };
  // One entry per stock unit: a variant, or a product without variants.
  const need = new Map<string, { productId: string; variantId: string | null; title: string; quantity: number }>();
  for (const i of order.items) {
    const key = i.variantId ?? i.productId;
    const prev = need.get(key);
    need.set(key, {
      productId: i.productId,
      variantId: i.variantId,
      title: i.titleSnapshot,
      quantity: (prev?.quantity ?? 0) + i.quantity,
    });
  }
  const units = [...need.values()];
  const productIds = [...new Set(units.map((u) => u.productId))].sort();
  const variantIds = units.flatMap((u) => (u.variantId ? [u.variantId] : [])).sort();
  const stock = new Map<string, number>();
  for (const p of await tx.$queryRaw<{ id: string; inventory_count: number }[]>`
    SELECT id::text, inventory_count FROM products WHERE id = ANY(${productIds}::uuid[]) ORDER BY id FOR UPDATE`)
    stock.set(p.id, p.inventory_count);
  if (variantIds.length)
    for (const v of await tx.$queryRaw<{ id: string; inventory_count: number }[]>`
      SELECT id::text, inventory_count FROM product_variants WHERE id = ANY(${variantIds}::uuid[]) ORDER BY id FOR UPDATE`)
      stock.set(v.id, v.inventory_count);
  for (const u of units) {
    const available = stock.get(u.variantId ?? u.productId) ?? 0;
    if (available < u.quantity)
      return {
        restored: false,
        soldOut: { productId: u.productId, variantId: u.variantId, title: u.title, available },
      };
  }
  for (const u of units)
    await adjustInventory(tx, {
      productId: u.productId,
      variantId: u.variantId,
      delta: -u.quantity,
      reason: "order_reserved",
      orderId: opts.orderId,
      actorId: order.buyerId,
      note: "Reserved again for a new payment attempt",
    });
  await tx.order.update({ where: { id: opts.orderId }, data: { reservationReleasedAt: null } });
  return { restored: true };
}
