import "server-only";

import { z } from "zod";

import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ProductStatus } from "@/lib/generated/prisma/enums";

export const STOCK_PAGE_SIZE = 50;

/** The stock page's query string; anything malformed falls back to the default. */
export const ZStockQuery = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  lowOnly: z
    .preprocess((v) => v === "1" || v === "true" || v === "on" || v === true, z.boolean())
    .default(false)
    .catch(false),
  sort: z.enum(["title", "count_asc", "count_desc"]).default("title").catch("title"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type TStockQuery = z.infer<typeof ZStockQuery>;

export type StockItem = {
  id: string;
  title: string;
  status: ProductStatus;
  inventoryCount: number;
  lowStockThreshold: number;
  low: boolean;
  updatedAt: Date;
};

const ORDER: Record<TStockQuery["sort"], Prisma.ProductOrderByWithRelationInput[]> = {
  title: [{ title: "asc" }, { id: "asc" }],
  count_asc: [{ inventoryCount: "asc" }, { title: "asc" }, { id: "asc" }],
  count_desc: [{ inventoryCount: "desc" }, { title: "asc" }, { id: "asc" }],
};

/** One page of a seller's non-archived products with their stock, lowest-stock markers included. */
export async function listSellerStock(
  opts: { sellerId: string } & Partial<TStockQuery>,
): Promise<{ items: StockItem[]; total: number; page: number; pageCount: number }> {
  const query = ZStockQuery.parse(opts);
  const where: Prisma.ProductWhereInput = { sellerId: opts.sellerId, status: { not: "archived" } };
  const words = query.q?.split(/\s+/).filter(Boolean).slice(0, 8) ?? [];
  if (words.length) where.AND = words.map((w) => ({ title: { contains: w, mode: "insensitive" as const } }));
  if (query.lowOnly) where.inventoryCount = { lte: db().product.fields.lowStockThreshold };
  const [rows, total] = await Promise.all([
    db().product.findMany({
      where,
      orderBy: ORDER[query.sort],
      skip: (query.page - 1) * STOCK_PAGE_SIZE,
      take: STOCK_PAGE_SIZE,
      select: { id: true, title: true, status: true, inventoryCount: true, lowStockThreshold: true, updatedAt: true },
    }),
    db().product.count({ where }),
  ]);
  return {
    items: rows.map((r) => ({ ...r, low: r.inventoryCount <= r.lowStockThreshold })),
    total,
    page: query.page,
    pageCount: Math.ceil(total / STOCK_PAGE_SIZE),
  };
}
