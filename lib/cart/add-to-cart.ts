import { z } from "zod";

import { AppError } from "@/lib/errors/app-error";
import { zodToAppError } from "@/lib/errors/zod-to-app-error";

import { assertInStock } from "./assert-in-stock";
import { ZCartLineInput } from "./cart-input";
import { MAX_CART_LINES, MAX_LINE_QUANTITY, type CartStore } from "./cart-store";
import { getSellableProduct } from "./get-sellable-product";

/** Adds to a line (or creates it); the total may not exceed stock or the per-item limit. */
export async function addToCart(store: CartStore, cartKey: string, input: unknown): Promise<void> {
  const parsed = ZCartLineInput.extend({
    quantity: ZCartLineInput.shape.quantity.pipe(z.number().min(1, "Quantity must be at least 1.")),
  }).safeParse(input);
  if (!parsed.success) throw zodToAppError(parsed.error, "Cart item");
  const p = await getSellableProduct(parsed.data.productId);
  const lines = await store.lines(cartKey);
  const existing = lines.find((l) => l.productId === p.id);
  if (!existing && lines.length >= MAX_CART_LINES)
    throw new AppError("conflict", `A cart holds at most ${MAX_CART_LINES} different items.`);
  const quantity = (existing?.quantity ?? 0) + parsed.data.quantity;
  if (quantity > MAX_LINE_QUANTITY)
    throw new AppError("validation_failed", `At most ${MAX_LINE_QUANTITY} of one item.`);
  assertInStock(p, quantity);
  await store.setLine(cartKey, { productId: p.id, quantity, unitPriceCentsAdded: p.priceCents });
}
