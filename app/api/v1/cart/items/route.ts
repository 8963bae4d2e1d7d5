import { z } from "zod";

import { addToCart } from "@/lib/cart/add-to-cart";
import { cartJson } from "@/lib/cart/cart-json";
import { currentCart } from "@/lib/cart/current-cart";
import { getCartView } from "@/lib/cart/get-cart-view";
import { apiRoute } from "@/lib/http/api-route";

export const POST = apiRoute(
  { access: "public", body: z.object({ product_id: z.unknown(), quantity: z.unknown().optional() }) },
  async ({ body }) => {
    const { store, cartKey } = await currentCart({ mutable: true });
    await addToCart(store, cartKey!, { productId: body.product_id, quantity: body.quantity ?? 1 });
    return Response.json(cartJson(await getCartView(store, cartKey!)), { status: 201 });
  },
);
