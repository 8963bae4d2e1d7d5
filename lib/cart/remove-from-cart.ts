import { type CartLineRef, type CartStore } from "./cart-store";

export async function removeFromCart(store: CartStore, cartKey: string, line: CartLineRef): Promise<void> {
  await store.removeLine(cartKey, line);
}
