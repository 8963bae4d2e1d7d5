import { z } from "zod";

import { recordCheckoutStarted } from "@/lib/analytics/events/record-checkout-started";
import { recordRequestSignal } from "@/lib/auth/record-request-signal";
import { requestOrigin } from "@/lib/auth/request-origin";
import { currentCart } from "@/lib/cart/current-cart";
import { revalidateProductStock } from "@/lib/catalog/revalidate-product-stock";
import { apiRoute } from "@/lib/http/api-route";
import { placedCheckoutJson } from "@/lib/orders/checkout-json";
import { createCheckout } from "@/lib/orders/create-checkout";
import { getAdmissionGate } from "@/lib/orders/get-admission-gate";
import { listBuyerOrders } from "@/lib/orders/list-buyer-orders";
import { ZCheckoutRequest } from "@/lib/orders/order-input";
import { buyerOrdersPageJson } from "@/lib/orders/order-json";
import { refuseSoldOutCheckout } from "@/lib/orders/refuse-sold-out-checkout";
import { RATE_LIMIT_POLICIES } from "@/lib/rate-limit/rules";

/** Places the buyer's cart as one checkout with an order per seller. Requires an Idempotency-Key. */
export const POST = apiRoute(
  {
    access: "user",
    body: ZCheckoutRequest,
    idempotencyKey: { missing: "Send an Idempotency-Key header so a retried checkout is never placed twice." },
    rateLimit: RATE_LIMIT_POLICIES.checkout,
    // A flash sale's excess hears "sold out" from Redis before any database or cart work.
    refuseEarly: ({ subject }) => refuseSoldOutCheckout({ buyerId: subject }),
    summary: "Place the cart as a checkout (one order per seller)",
    status: 201,
  },
  async ({ user, body, idempotencyKey }) => {
    const { store, cartKey } = await currentCart({ mutable: true, user });
    const lines = await store.lines(cartKey!);
    const result = await createCheckout({
      buyerId: user.id,
      cartKey: cartKey!,
      lines,
      gate: getAdmissionGate(),
      idempotencyKey,
      input: body,
    });
    if (!result.replayed) {
      await store.clear(cartKey!);
      revalidateProductStock(lines.map((l) => l.productId));
      recordCheckoutStarted(user.id, result.checkout.orders);
      await recordRequestSignal({
        userId: user.id,
        action: "checkout",
        subjectId: result.checkout.checkoutId,
        origin: await requestOrigin(),
      });
    }
    return Response.json(placedCheckoutJson(result.checkout), {
      status: result.status,
      headers: result.replayed ? { "Idempotent-Replayed": "true" } : {},
    });
  },
);

export const GET = apiRoute(
  { access: "user", query: z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1) }) },
  async ({ user, query }) => {
    return buyerOrdersPageJson(await listBuyerOrders({ buyerId: user.id, page: query.page }), query.page);
  },
);
