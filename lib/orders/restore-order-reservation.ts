import type { Tx } from "@/lib/db/client";
import { adjustInventory } from "@/lib/inventory/adjust-inventory";

export type RestoredReservation =
  { restored: true } | { restored: false; soldOut: { productId: string; title: string; available: number } };

/**
 * Takes the stock of an order whose reservation a failed payment released back again, all of
 * it or none: its products are locked first, so the check and the takes agree. A pending order
 * that was never released is left as it is. Returns which product ran out when it cannot.
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
      items: { orderBy: { productId: "asc" }, select: { productId: true, quantity: true, titleSnapshot: true } },
    },
  });
  if (!order || order.status !== "pending" || !order.reservationReleasedAt) return { restored: true };
  const need = new Map<string, number>();
  for (const i of order.items) need.set(i.productId, (need.get(i.productId) ?? 0) + i.quantity);
  const ids = [...need.keys()].sort();
  const stock = await tx.$queryRaw<{ id: string; inventory_count: number }[]>`
    SELECT id::text, inventory_count FROM products WHERE id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;
  for (const id of ids) {
    const available = stock.find((p) => p.id === id)?.inventory_count ?? 0;
    if (available < need.get(id)!)
      return {
        restored: false,
        soldOut: { productId: id, title: order.items.find((i) => i.productId === id)!.titleSnapshot, available },
      };
  }
  for (const id of ids)
    await adjustInventory(tx, {
      productId: id,
      delta: -need.get(id)!,
      reason: "order_reserved",
      orderId: opts.orderId,
      actorId: order.buyerId,
      note: "Reserved again for a new payment attempt",
    });
  await tx.order.update({ where: { id: opts.orderId }, data: { reservationReleasedAt: null } });
  return { restored: true };
}
