import { getCartView, type CartView } from "./cart-view";
import { currentCart } from "./current-cart";

/** The request's cart for pages (read-only: no cookie is set); empty for a visitor without one. */
export async function readCurrentCart(): Promise<CartView> {
  const { store, cartKey } = await currentCart();
  if (!cartKey) return { cartId: "", groups: [], itemCount: 0, totalCents: 0, currency: null, hasProblems: false };
  return getCartView(store, cartKey);
}

/** Just the item count for the header badge. */
export async function currentCartCount(): Promise<number> {
  const { store, cartKey } = await currentCart();
  if (!cartKey) return 0;
  return (await store.lines(cartKey)).reduce((n, l) => n + l.quantity, 0);
}
