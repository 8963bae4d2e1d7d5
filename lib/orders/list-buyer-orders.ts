import "server-only";

import { db } from "@/lib/db/client";

import { orderListSelect, toOrderListRow, type OrderListRow } from "./order-list-row";

/** The buyer's orders, newest first. */
export async function listBuyerOrders(opts: {
  buyerId: string;
  page?: number;
}): Promise<{ rows: OrderListRow[]; total: number }> {
  const where = { buyerId: opts.buyerId };
  const page = Math.max(1, opts.page ?? 1);
  const [rows, total] = await Promise.all([
    db().order.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * 20,
      take: 20,
      select: { ...orderListSelect, seller: { select: { shopName: true } } },
    }),
    db().order.count({ where }),
  ]);
  return { total, rows: rows.map((r) => toOrderListRow(r, r.seller.shopName)) };
}
