import { z } from "zod";

import { cartJson, ZCartQuantityJson } from "@/lib/cart/cart-json";
import { currentCart } from "@/lib/cart/current-cart";
import { getCartView } from "@/lib/cart/get-cart-view";
import { removeFromCart } from "@/lib/cart/remove-from-cart";
import { setCartQuantity } from "@/lib/cart/set-cart-quantity";
import { apiRoute } from "@/lib/http/api-route";
import { RATE_LIMIT_POLICIES } from "@/lib/rate-limit/rules";

const ZParams = z.object({ productId: z.uuid("Unknown product.") });

export const PATCH = apiRoute(
  {
    access: "public",
    params: ZParams,
    body: ZCartQuantityJson,
    rateLimit: RATE_LIMIT_POLICIES.cart,
    summary: "Set an item's quantity (0 removes it)",
  },
  async ({ params, body, user }) => {
    const { store, cartKey } = await currentCart({ mutable: true, user });
    await setCartQuantity(store, cartKey!, { productId: params.productId, quantity: body.quantity });
    return cartJson(await getCartView(store, cartKey!));
  },
);

export const DELETE = apiRoute(
  { access: "public", params: ZParams, rateLimit: RATE_LIMIT_POLICIES.cart },
  async ({ params, user }) => {
    const { store, cartKey } = await currentCart({ mutable: true, user });
    await removeFromCart(store, cartKey!, params.productId);
    return cartJson(await getCartView(store, cartKey!));
  },
);
