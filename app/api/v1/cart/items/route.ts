import { addToCart } from "@/lib/cart/add-to-cart";
import { cartJson, ZAddToCartJson } from "@/lib/cart/cart-json";
import { currentCart } from "@/lib/cart/current-cart";
import { getCartView } from "@/lib/cart/get-cart-view";
import { apiRoute } from "@/lib/http/api-route";
import { RATE_LIMIT_POLICIES } from "@/lib/rate-limit/rules";

export const POST = apiRoute(
  {
    access: "public",
    body: ZAddToCartJson,
    rateLimit: RATE_LIMIT_POLICIES.cart,
    summary: "Add an item to the cart",
    status: 201,
  },
  async ({ body, user }) => {
    const { store, cartKey } = await currentCart({ mutable: true, user });
    await addToCart(store, cartKey!, body);
    return Response.json(cartJson(await getCartView(store, cartKey!)), { status: 201 });
  },
);
