import "server-only";

import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

import type { OrderListRow } from "./list-buyer-orders";

/** A seller's orders to fulfil, filtered by status; paid ones (waiting to ship) first by default. */
export async function listSellerOrders(opts: {
  sellerId: string;
  status?: Prisma.OrderWhereInput["status"];
  page?: number;
}): Promise<{ rows: OrderListRow[]; total: number }> {
  const where: Prisma.OrderWhereInput = { sellerId: opts.sellerId, status: opts.status ?? { not: "pending" } };
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
        buyer: { select: { name: true, email: true } },
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
      counterpart: r.buyer.name ?? r.buyer.email,
      itemCount: r.items.reduce((n, i) => n + i.quantity, 0),
      firstItem: r.items[0]?.titleSnapshot ?? "",
    })),
  };
}
