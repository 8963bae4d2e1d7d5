import "server-only";

import { db } from "@/lib/db/client";

import { MAX_LINE_QUANTITY, type CartStore } from "./cart-store";

/** Moves a guest cart into the buyer's cart at sign-in: quantities add up, capped by stock. */
export async function mergeCarts(store: CartStore, fromKey: string, toKey: string): Promise<void> {
  const [from, to] = await Promise.all([store.lines(fromKey), store.lines(toKey)]);
  if (from.length === 0) return;
  const stock = new Map(
    (
      await db().product.findMany({
        where: { id: { in: from.map((l) => l.productId) }, status: "active" },
        select: { id: true, inventoryCount: true },
      })
    ).map((p) => [p.id, p.inventoryCount]),
  );
  for (const line of from) {
    const available = stock.get(line.productId);
    if (!available) continue;
    const current = to.find((l) => l.productId === line.productId)?.quantity ?? 0;
    const quantity = Math.min(current + line.quantity, available, MAX_LINE_QUANTITY);
    if (quantity > current)
      await store.setLine(toKey, {
        productId: line.productId,
        quantity,
        unitPriceCentsAdded: line.unitPriceCentsAdded,
      });
  }
  await store.clear(fromKey);
}
