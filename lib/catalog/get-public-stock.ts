import "server-only";

import { z } from "zod";

import { db } from "@/lib/db/client";

import { inventoryStatus, type InventoryStatus } from "./inventory-status";

/** Just the current stock of a live listing (for cached pages), or null when it is not live. */
export async function getPublicStock(productId: string): Promise<{
  inventoryCount: number;
  inventoryStatus: InventoryStatus;
  variants: { id: string; inventoryCount: number; inventoryStatus: InventoryStatus }[];
} | null> {
  if (!z.uuid().safeParse(productId).success) return null;
  const row = await db().product.findUnique({
    where: { id: productId },
    select: {
      status: true,
      inventoryCount: true,
      lowStockThreshold: true,
      seller: { select: { status: true } },
      variants: { orderBy: { position: "asc" }, select: { id: true, inventoryCount: true } },
    },
  });
  if (!row || row.status !== "active" || row.seller.status !== "active") return null;
  return {
    inventoryCount: row.inventoryCount,
    inventoryStatus: inventoryStatus(row.inventoryCount, row.lowStockThreshold),
    variants: row.variants.map((v) => ({
      id: v.id,
      inventoryCount: v.inventoryCount,
      inventoryStatus: inventoryStatus(v.inventoryCount, row.lowStockThreshold),
    })),
  };
}
