import { currentCart } from "./current-cart";

/** Just the item count for the header badge. */
export async function currentCartCount(): Promise<number> {
  const { store, cartKey } = await currentCart();
  if (!cartKey) return 0;
  return (await store.lines(cartKey)).reduce((n, l) => n + l.quantity, 0);
}
