import { z } from "zod";

import { AppError } from "@/lib/errors/app-error";
import { apiRoute } from "@/lib/http/api-route";
import { ZShipmentJson } from "@/lib/orders/order-json";
import { shipOrder } from "@/lib/orders/ship-order";

export const POST = apiRoute(
  {
    access: "seller",
    params: z.object({ orderId: z.uuid("Order not found.") }),
    body: ZShipmentJson,
    summary: "Mark a paid order shipped",
  },
  async ({ user, params, body }) => {
    if (!user.sellerId) throw new AppError("forbidden", "This needs a seller account.");
    await shipOrder({
      sellerId: user.sellerId,
      actorId: user.id,
      orderId: params.orderId,
      input: body,
    });
    return { order_id: params.orderId, status: "shipped" };
  },
);
