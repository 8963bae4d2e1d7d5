import { z } from "zod";

import { cartJson } from "@/lib/cart/cart-json";
import { getCartView } from "@/lib/cart/cart-view";
import { addToCart } from "@/lib/cart/change-cart";
import { currentCart } from "@/lib/cart/current-cart";
import { apiRoute } from "@/lib/http/api-route";

export const POST = apiRoute(
  { access: "public", body: z.object({ product_id: z.unknown(), quantity: z.unknown().optional() }) },
  async ({ body }) => {
    const { store, cartKey } = await currentCart({ mutable: true });
    await addToCart(store, cartKey!, { productId: body.product_id, quantity: body.quantity ?? 1 });
    return Response.json(cartJson(await getCartView(store, cartKey!)), { status: 201 });
  },
);
