import { eventActor } from "@/lib/analytics/events/event-actor";
import { recordAddToCart } from "@/lib/analytics/events/record-add-to-cart";
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
  async ({ req, body, user }) => {
    const { store, cartKey } = await currentCart({ mutable: true, user });
    await addToCart(store, cartKey!, body);
    recordAddToCart(body.productId, eventActor(req.headers, user?.id ?? null));
    return Response.json(cartJson(await getCartView(store, cartKey!)), { status: 201 });
  },
);
