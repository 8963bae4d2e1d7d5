import type { Tx } from "@/lib/db/client";

import { returnableQuantities } from "./return-rules";

export type ReturnableItem = {
  id: string;
  productId: string;
  title: string;
  quantity: number;
  unitPriceCents: number;
  currency: string;
  returnable: number;
  openReturnId: string | null;
};

/**
 * An order's items with how many of each can still be returned: bought, minus what was refunded
 * (by a return or otherwise), minus what is in a return still open (declined-for-good and
 * cancelled returns give it back).
 */
export async function loadReturnableItems(
  tx: Pick<Tx, "orderItem" | "returnItem">,
  orderId: string,
): Promise<ReturnableItem[]> {
  const [items, taken] = await Promise.all([
    tx.orderItem.findMany({
      where: { orderId },
      orderBy: { id: "asc" },
      select: {
        id: true,
        productId: true,
        titleSnapshot: true,
        quantity: true,
        refundedQuantity: true,
        unitPriceCents: true,
        currency: true,
      },
    }),
    // Refunded returns are in refundedQuantity already.
    tx.returnItem.findMany({
      where: { orderItem: { orderId }, open: true },
      select: { orderItemId: true, quantity: true, open: true, returnId: true },
    }),
  ]);
  const left = returnableQuantities(
    items.map((i) => ({ id: i.id, quantity: i.quantity - i.refundedQuantity })),
    taken,
  );
  return items.map((i) => ({
    id: i.id,
    productId: i.productId,
    title: i.titleSnapshot,
    quantity: i.quantity,
    unitPriceCents: i.unitPriceCents,
    currency: i.currency,
    returnable: left.get(i.id) ?? 0,
    openReturnId: taken.find((t) => t.orderItemId === i.id && t.open)?.returnId ?? null,
  }));
}
