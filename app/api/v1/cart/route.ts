import { cartJson } from "@/lib/cart/cart-json";
import { currentCart } from "@/lib/cart/current-cart";
import { getCartView } from "@/lib/cart/get-cart-view";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute({ access: "public" }, async ({ user }) => {
  const { store, cartKey } = await currentCart({ mutable: true, user });
  return cartJson(await getCartView(store, cartKey!));
});
