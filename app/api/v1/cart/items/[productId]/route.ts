import { z } from "zod";

import { cartJson, ZCartQuantityJson } from "@/lib/cart/cart-json";
import { currentCart } from "@/lib/cart/current-cart";
import { getCartView } from "@/lib/cart/get-cart-view";
import { removeFromCart } from "@/lib/cart/remove-from-cart";
import { setCartQuantity } from "@/lib/cart/set-cart-quantity";
import { apiRoute } from "@/lib/http/api-route";
import { RATE_LIMIT_POLICIES } from "@/lib/rate-limit/rules";

const ZParams = z.object({ productId: z.uuid("Unknown product.") });
// The line of one variant of a listing with variants.
const ZQuery = z.object({ variant_id: z.uuid("Unknown option.").optional() });

export const PATCH = apiRoute(
  {
    access: "public",
    params: ZParams,
    query: ZQuery,
    body: ZCartQuantityJson,
    rateLimit: RATE_LIMIT_POLICIES.cart,
    summary: "Set an item's quantity (0 removes it)",
  },
  async ({ params, query, body, user }) => {
    const { store, cartKey } = await currentCart({ mutable: true, user });
    await setCartQuantity(store, cartKey!, {
      productId: params.productId,
      variantId: query.variant_id,
      quantity: body.quantity,
    });
    return cartJson(await getCartView(store, cartKey!));
  },
);

export const DELETE = apiRoute(
  { access: "public", params: ZParams, query: ZQuery, rateLimit: RATE_LIMIT_POLICIES.cart },
  async ({ params, query, user }) => {
    const { store, cartKey } = await currentCart({ mutable: true, user });
    await removeFromCart(store, cartKey!, { productId: params.productId, variantId: query.variant_id });
    return cartJson(await getCartView(store, cartKey!));
  },
);
