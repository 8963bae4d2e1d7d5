import type { z } from "zod";

import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";

import { assertInStock } from "./assert-in-stock";
import { ZAddToCart } from "./cart-input";
import { isLine, MAX_CART_LINES, MAX_LINE_QUANTITY, type CartStore } from "./cart-store";
import { getSellableProduct } from "./get-sellable-product";

/** Adds to a line (or creates it); the total may not exceed stock or the per-item limit. */
export async function addToCart(store: CartStore, cartKey: string, raw: z.input<typeof ZAddToCart>): Promise<void> {
  const input = parseInput(ZAddToCart, raw);
  const p = await getSellableProduct(input.productId, input.variantId);
  const lines = await store.lines(cartKey);
  const existing = lines.find((l) => isLine(l, { productId: p.id, variantId: p.variantId }));
  if (!existing && lines.length >= MAX_CART_LINES)
    throw new AppError("conflict", `A cart holds at most ${MAX_CART_LINES} different items.`);
  const quantity = (existing?.quantity ?? 0) + input.quantity;
  if (quantity > MAX_LINE_QUANTITY)
    throw new AppError("validation_failed", `At most ${MAX_LINE_QUANTITY} of one item.`);
  assertInStock(p, quantity);
  await store.setLine(cartKey, {
    productId: p.id,
    variantId: p.variantId,
    quantity,
    unitPriceCentsAdded: p.priceCents,
  });
}
