import { type CartView } from "./build-cart-view";
import { currentCart } from "./current-cart";
import { getCartView } from "./get-cart-view";

/** The request's cart for pages (read-only: no cookie is set); empty for a visitor without one. */
export async function readCurrentCart(): Promise<CartView> {
  const { store, cartKey } = await currentCart();
  if (!cartKey) return { cartId: "", groups: [], itemCount: 0, totalCents: 0, currency: null, hasProblems: false };
  return getCartView(store, cartKey);
}
