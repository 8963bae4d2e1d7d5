import { z } from "zod";

import { AppError } from "@/lib/errors/app-error";
import { apiRoute } from "@/lib/http/api-route";
import { shipOrder } from "@/lib/orders/ship-order";

export const POST = apiRoute(
  {
    access: "seller",
    params: z.object({ orderId: z.uuid("Order not found.") }),
    body: z.object({ carrier: z.unknown(), tracking_number: z.unknown() }),
  },
  async ({ user, params, body }) => {
    if (!user.sellerId) throw new AppError("forbidden", "This needs a seller account.");
    await shipOrder({
      sellerId: user.sellerId,
      actorId: user.id,
      orderId: params.orderId,
      input: { carrier: body.carrier, trackingNumber: body.tracking_number },
    });
    return { order_id: params.orderId, status: "shipped" };
  },
);
