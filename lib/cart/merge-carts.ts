import "server-only";

import { db } from "@/lib/db/client";

import { isLine, MAX_LINE_QUANTITY, type CartStore } from "./cart-store";

/** Moves a guest cart into the buyer's cart at sign-in: quantities add up, capped by stock. */
export async function mergeCarts(store: CartStore, fromKey: string, toKey: string): Promise<void> {
  const [from, to] = await Promise.all([store.lines(fromKey), store.lines(toKey)]);
  if (from.length === 0) return;
  const products = await db().product.findMany({
    where: { id: { in: from.map((l) => l.productId) }, status: "active" },
    select: { id: true, inventoryCount: true, variants: { select: { id: true, inventoryCount: true } } },
  });
  // A line's stock: its variant's, or the product's for a listing without variants.
  const stock = new Map<string, number>();
  for (const p of products) {
    if (p.variants.length === 0) stock.set(p.id, p.inventoryCount);
    for (const v of p.variants) stock.set(`${p.id}:${v.id}`, v.inventoryCount);
  }
  for (const line of from) {
    const available = stock.get(line.variantId ? `${line.productId}:${line.variantId}` : line.productId);
    if (!available) continue;
    const current = to.find((l) => isLine(l, line))?.quantity ?? 0;
    const quantity = Math.min(current + line.quantity, available, MAX_LINE_QUANTITY);
    if (quantity > current)
      await store.setLine(toKey, {
        productId: line.productId,
        variantId: line.variantId,
        quantity,
        unitPriceCentsAdded: line.unitPriceCentsAdded,
      });
  }
  await store.clear(fromKey);
}
