import "server-only";

import { db } from "@/lib/db/client";
import type { ActorType } from "@/lib/generated/prisma/enums";
import { adjustInventory } from "@/lib/inventory/adjust-inventory";
import { emitDomainEvent } from "@/lib/outbox/emit-domain-event";

/**
 * Cancels an order that is still unpaid and returns its stock, in one transaction. The
 * status change is conditional, so of two racing runs (two workers, or a late payment)
 * exactly one wins: stock comes back once, or the order is paid, never both.
 */
export async function cancelUnpaidOrder(opts: {
  orderId: string;
  actorType: ActorType;
  actorId?: string | null;
  note: string;
}): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const moved = await tx.order.updateMany({
      where: { id: opts.orderId, status: "pending" },
      data: { status: "cancelled", cancelledAt: new Date() },
    });
    if (moved.count === 0) return false;
    await tx.orderStatusChange.create({
      data: {
        orderId: opts.orderId,
        fromStatus: "pending",
        toStatus: "cancelled",
        actorType: opts.actorType,
        actorId: opts.actorId ?? null,
        note: opts.note,
      },
    });
    const order = await tx.order.findUniqueOrThrow({
      where: { id: opts.orderId },
      select: { checkoutId: true, reservationReleasedAt: true },
    });
    // A failed payment may have returned the stock already (releaseCheckoutReservation).
    if (!order.reservationReleasedAt) {
      const items = await tx.orderItem.findMany({
        where: { orderId: opts.orderId },
        orderBy: [{ productId: "asc" }, { variantId: "asc" }],
        select: { productId: true, variantId: true, quantity: true },
      });
      for (const item of items)
        await adjustInventory(tx, {
          productId: item.productId,
          variantId: item.variantId,
          delta: item.quantity,
          reason: "order_released",
          orderId: opts.orderId,
        });
    }
    const open = await tx.order.count({ where: { checkoutId: order.checkoutId, status: { not: "cancelled" } } });
    if (open === 0)
      await tx.checkout.updateMany({
        where: { id: order.checkoutId, status: { in: ["payment_pending", "payment_failed"] } },
        data: { status: "cancelled" },
      });
    await emitDomainEvent(tx, "order.cancelled", { orderId: opts.orderId, from: "pending", to: "cancelled" });
    return true;
  });
}
