import "server-only";

import { db } from "@/lib/db/client";

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
  itemCount: number;
  firstItem: string;
};

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
      select: {
        id: true,
        checkoutId: true,
        status: true,
        totalCents: true,
        refundedCents: true,
        cancelledBy: true,
        currency: true,
        createdAt: true,
        seller: { select: { shopName: true } },
        items: { select: { titleSnapshot: true, quantity: true } },
      },
    }),
    db().order.count({ where }),
  ]);
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      checkoutId: r.checkoutId,
      status: r.status,
      totalCents: r.totalCents,
      refundedCents: r.refundedCents,
      cancelledBy: r.cancelledBy,
      currency: r.currency,
      createdAt: r.createdAt,
      counterpart: r.seller.shopName,
      itemCount: r.items.reduce((n, i) => n + i.quantity, 0),
      firstItem: r.items[0]?.titleSnapshot ?? "",
    })),
  };
}
