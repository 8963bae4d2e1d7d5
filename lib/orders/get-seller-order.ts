import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

import { ORDER_DETAIL_SELECT, type OrderDetail } from "./get-order-for-viewer";

/** One of the seller's own orders (never a pending one: it isn't theirs to act on yet); anyone else's is "not found". */
export async function getSellerOrder(opts: { orderId: string; sellerId: string }): Promise<OrderDetail> {
  const order = await db().order.findFirst({
    where: { id: opts.orderId, sellerId: opts.sellerId, status: { not: "pending" } },
    select: ORDER_DETAIL_SELECT,
  });
  if (!order) throw new AppError("not_found", "Order not found.");
  return order;
}
