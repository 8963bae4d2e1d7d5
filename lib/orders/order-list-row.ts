import type { Prisma } from "@/lib/generated/prisma/client";

import { countOrderUnits, describeOrderItems } from "./describe-order-items";
import { itemName } from "./item-name";

// One row of an order list, the same for the buyer's orders and a seller's: only who is on the
// other side differs (the shop for a buyer, the buyer for a seller).
export type OrderListRow = {
  id: string;
  checkoutId: string;
  status: string;
  totalCents: number;
  refundedCents: number;
  cancelledBy: string | null;
  currency: string;
  createdAt: Date;
  counterpart: string;
  /** Units, not lines: a line of 2 × one product counts 2. */
  itemCount: number;
  /** "2 × Mug, 1 × Lamp and 3 more items". */
  itemsLabel: string;
};

/** The columns an order list reads; each list adds its counterpart's relation. */
export const orderListSelect = {
  id: true,
  checkoutId: true,
  status: true,
  totalCents: true,
  refundedCents: true,
  cancelledBy: true,
  currency: true,
  createdAt: true,
  items: { orderBy: { id: "asc" }, select: { titleSnapshot: true, variantLabel: true, quantity: true } },
} satisfies Prisma.OrderSelect;

type OrderListRecord = Prisma.OrderGetPayload<{ select: typeof orderListSelect }>;

/** The row for an order read with orderListSelect, naming its counterpart. */
export function toOrderListRow(r: OrderListRecord, counterpart: string): OrderListRow {
  return {
    id: r.id,
    checkoutId: r.checkoutId,
    status: r.status,
    totalCents: r.totalCents,
    refundedCents: r.refundedCents,
    cancelledBy: r.cancelledBy,
    currency: r.currency,
    createdAt: r.createdAt,
    counterpart,
    itemCount: countOrderUnits(r.items),
    itemsLabel: describeOrderItems(r.items.map((i) => ({ titleSnapshot: itemName(i), quantity: i.quantity }))),
  };
}
