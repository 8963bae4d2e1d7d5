import { type CartStore } from "./cart-store";

export async function removeFromCart(store: CartStore, cartKey: string, productId: string): Promise<void> {
  await store.removeLine(cartKey, productId);
}
