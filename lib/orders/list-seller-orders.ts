import "server-only";

import { formatAddress } from "@/lib/addresses/format-address";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

import { orderListSelect, toOrderListRow, type OrderListRow } from "./order-list-row";

/** A seller's orders to fulfil, filtered by status; paid ones (waiting to ship) first by default. */
export async function listSellerOrders(opts: {
  sellerId: string;
  status?: Prisma.OrderWhereInput["status"];
  page?: number;
}): Promise<{ rows: (OrderListRow & { shipTo: string })[]; total: number }> {
  const where: Prisma.OrderWhereInput = { sellerId: opts.sellerId, status: opts.status ?? { not: "pending" } };
  const page = Math.max(1, opts.page ?? 1);
  const [rows, total] = await Promise.all([
    db().order.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * 20,
      take: 20,
      select: { ...orderListSelect, shippingAddress: true, buyer: { select: { name: true, email: true } } },
    }),
    db().order.count({ where }),
  ]);
  return {
    total,
    rows: rows.map((r) => ({
      ...toOrderListRow(r, r.buyer.name ?? r.buyer.email),
      // One line for the list; the order's page has it as a label.
      shipTo: formatAddress(r.shippingAddress as Parameters<typeof formatAddress>[0]).replaceAll("\n", ", "),
    })),
  };
}
