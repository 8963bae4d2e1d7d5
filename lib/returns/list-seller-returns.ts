import "server-only";

import { db } from "@/lib/db/client";
import type { ReturnStatus } from "@/lib/generated/prisma/enums";
import { getStorage } from "@/lib/storage/get-storage";

import { RETURN_VIEW_SELECT, toReturnView, type ReturnView } from "./return-view";

export const SELLER_RETURN_FILTERS = {
  "to-decide": ["requested"],
  "on-the-way": ["accepted", "in_transit", "delivered", "received"],
  declined: ["declined", "escalated", "rejected"],
  done: ["refunded", "cancelled"],
} satisfies Record<string, ReturnStatus[]>;

export type SellerReturnFilter = keyof typeof SELLER_RETURN_FILTERS;

export type SellerReturnRow = ReturnView & { buyer: string };

/** A seller's returns in one group of statuses, newest first; only their own orders'. */
export async function listSellerReturns(opts: {
  sellerId: string;
  filter: SellerReturnFilter;
  page?: number;
}): Promise<{ rows: SellerReturnRow[]; total: number }> {
  const where = { order: { sellerId: opts.sellerId }, status: { in: SELLER_RETURN_FILTERS[opts.filter] } };
  const page = Math.max(1, opts.page ?? 1);
  const [rows, total] = await Promise.all([
    db().return.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * 20,
      take: 20,
      select: { ...RETURN_VIEW_SELECT, order: { select: { buyer: { select: { name: true, email: true } } } } },
    }),
    db().return.count({ where }),
  ]);
  const storage = getStorage();
  return {
    total,
    rows: rows.map((r) => ({ ...toReturnView(r, storage), buyer: r.order.buyer.name ?? r.order.buyer.email })),
  };
}
