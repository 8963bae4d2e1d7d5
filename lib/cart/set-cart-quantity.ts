import { AppError } from "@/lib/errors/app-error";
import { zodToAppError } from "@/lib/errors/zod-to-app-error";

import { assertInStock } from "./assert-in-stock";
import { ZCartLineInput } from "./cart-input";
import { type CartStore } from "./cart-store";
import { getSellableProduct } from "./get-sellable-product";

/** Sets a line's quantity; 0 removes it. */
export async function setCartQuantity(store: CartStore, cartKey: string, input: unknown): Promise<void> {
  const parsed = ZCartLineInput.safeParse(input);
  if (!parsed.success) throw zodToAppError(parsed.error, "Cart item");
  const lines = await store.lines(cartKey);
  if (!lines.some((l) => l.productId === parsed.data.productId))
    throw new AppError("not_found", "That item is not in your cart.");
  if (parsed.data.quantity === 0) return store.removeLine(cartKey, parsed.data.productId);
  const p = await getSellableProduct(parsed.data.productId);
  assertInStock(p, parsed.data.quantity);
  await store.setLine(cartKey, { productId: p.id, quantity: parsed.data.quantity, unitPriceCentsAdded: p.priceCents });
}
