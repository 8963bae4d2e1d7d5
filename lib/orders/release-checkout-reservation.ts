import type { Tx } from "@/lib/db/client";
import { adjustInventory } from "@/lib/inventory/adjust-inventory";

/**
 * A payment for the checkout failed: the stock its unpaid orders hold goes back on sale at once
 * (the design's "if payment fails, release the inventory reservation") instead of staying
 * locked until the reservation expires. The orders stay pending, so the buyer may retry with
 * another card before the expiry: restoreOrderReservation takes the stock again first.
 * adjustInventory gives the stock back to a hot product's flash-sale gate too. Safe to repeat:
 * an order already released is skipped.
 */
export async function releaseCheckoutReservation(
  tx: Tx,
  opts: { checkoutId: string; note: string },
): Promise<{ released: string[] }> {
  // Same lock order as recordCapture, so a capture racing this failure waits, then sees it.
  await tx.$queryRaw`SELECT id FROM orders WHERE checkout_id = ${opts.checkoutId}::uuid ORDER BY id FOR UPDATE`;
  const orders = await tx.order.findMany({
    where: { checkoutId: opts.checkoutId, status: "pending", reservationReleasedAt: null },
    orderBy: { id: "asc" },
    select: {
      id: true,
      items: {
        orderBy: [{ productId: "asc" }, { variantId: "asc" }],
        select: { productId: true, variantId: true, quantity: true },
      },
    },
  });
  for (const o of orders) {
    for (const item of o.items)
      await adjustInventory(tx, {
        productId: item.productId,
        variantId: item.variantId,
        delta: item.quantity,
        reason: "order_released",
        orderId: o.id,
        note: opts.note,
      });
    await tx.order.update({ where: { id: o.id }, data: { reservationReleasedAt: new Date() } });
  }
  if (orders.length)
    await tx.checkout.updateMany({
      where: { id: opts.checkoutId, status: "payment_pending" },
      data: { status: "payment_failed" },
    });
  return { released: orders.map((o) => o.id) };
}
