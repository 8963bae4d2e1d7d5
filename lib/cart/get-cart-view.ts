import { buildCartView, type CartView } from "./build-cart-view";
import type { CartStore } from "./cart-store";

/**
 * The cart as the buyer sees it now: current prices and stock, grouped by seller, with
 * quantities never above what is in stock and each change since adding explained.
 */
export async function getCartView(store: CartStore, cartKey: string): Promise<CartView> {
  const lines = await store.lines(cartKey);
  return buildCartView(cartKey, lines);
}
