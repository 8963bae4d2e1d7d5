import type { z } from "zod";

import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";

import { assertInStock } from "./assert-in-stock";
import { ZCartLineInput } from "./cart-input";
import { isLine, type CartStore } from "./cart-store";
import { getSellableProduct } from "./get-sellable-product";

/** Sets a line's quantity; 0 removes it. */
export async function setCartQuantity(
  store: CartStore,
  cartKey: string,
  raw: z.input<typeof ZCartLineInput>,
): Promise<void> {
  const input = parseInput(ZCartLineInput, raw);
  const lines = await store.lines(cartKey);
  if (!lines.some((l) => isLine(l, input))) throw new AppError("not_found", "That item is not in your cart.");
  if (input.quantity === 0) return store.removeLine(cartKey, input);
  const p = await getSellableProduct(input.productId, input.variantId);
  assertInStock(p, input.quantity);
  await store.setLine(cartKey, {
    productId: p.id,
    variantId: p.variantId,
    quantity: input.quantity,
    unitPriceCentsAdded: p.priceCents,
  });
}
