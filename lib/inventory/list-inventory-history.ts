import "server-only";

import { z } from "zod";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { InventoryReason, ProductStatus } from "@/lib/generated/prisma/enums";

export const HISTORY_PAGE_SIZE = 50;

const ZHistoryQuery = z.object({
  productId: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});

export type InventoryHistoryEntry = {
  id: string;
  createdAt: Date;
  actor: { name: string | null; email: string } | null;
  reason: InventoryReason;
  delta: number;
  resultingCount: number;
  note: string | null;
  orderId: string | null;
};

export type InventoryHistory = {
  product: { id: string; title: string; status: ProductStatus; inventoryCount: number; lowStockThreshold: number };
  entries: InventoryHistoryEntry[];
  total: number;
  page: number;
  pageCount: number;
};

/** A product's stock changes, newest first; a product that is not the seller's is "not found". */
export async function listInventoryHistory(opts: {
  sellerId: string;
  productId: string;
  page?: number;
}): Promise<InventoryHistory> {
  const parsed = ZHistoryQuery.safeParse(opts);
  if (!parsed.success) throw new AppError("not_found", "Product not found.");
  const { productId, page } = parsed.data;
  const product = await db().product.findFirst({
    where: { id: productId, sellerId: opts.sellerId },
    select: { id: true, title: true, status: true, inventoryCount: true, lowStockThreshold: true },
  });
  if (!product) throw new AppError("not_found", "Product not found.");
  const where = { productId, product: { sellerId: opts.sellerId } };
  const [entries, total] = await Promise.all([
    db().inventoryAdjustment.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * HISTORY_PAGE_SIZE,
      take: HISTORY_PAGE_SIZE,
      select: {
        id: true,
        createdAt: true,
        reason: true,
        delta: true,
        resultingCount: true,
        note: true,
        orderId: true,
        actor: { select: { name: true, email: true } },
      },
    }),
    db().inventoryAdjustment.count({ where }),
  ]);
  return { product, entries, total, page, pageCount: Math.ceil(total / HISTORY_PAGE_SIZE) };
}
