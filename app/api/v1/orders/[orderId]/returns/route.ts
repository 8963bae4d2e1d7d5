import { z } from "zod";

import { actsAsAdmin } from "@/lib/auth/guards";
import { apiRoute } from "@/lib/http/api-route";
import { listOrderReturns } from "@/lib/returns/list-order-returns";
import { requestReturn } from "@/lib/returns/request-return";
import { ZRequestReturn } from "@/lib/returns/return-input";
import { orderReturnsJson, requestedReturnJson } from "@/lib/returns/return-json";

const ZParams = z.object({ orderId: z.uuid("Order not found.") });

/**
 * The buyer asks to return items of their delivered order.
 * Body: { items: [{ order_item_id, quantity }], reason, note?, images?: [upload ids] }.
 */
export const POST = apiRoute(
  {
    access: "user",
    params: ZParams,
    body: ZRequestReturn,
    summary: "Ask to return items of a delivered order",
    status: 201,
  },
  async ({ user, params, body }) => {
    const { returnId } = await requestReturn({ buyerId: user.id, orderId: params.orderId, input: body });
    return Response.json(requestedReturnJson(params.orderId, returnId), { status: 201 });
  },
);

/** The order's returns (for its buyer, seller or an admin), and what can still be returned. */
export const GET = apiRoute({ access: "user", params: ZParams }, async ({ user, params }) => {
  const o = await listOrderReturns({
    orderId: params.orderId,
    userId: user.id,
    sellerId: user.sellerId,
    isAdmin: actsAsAdmin(user),
  });
  return orderReturnsJson(params.orderId, o);
});
