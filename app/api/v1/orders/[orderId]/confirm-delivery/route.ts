import { z } from "zod";

import { apiRoute } from "@/lib/http/api-route";
import { confirmDelivery } from "@/lib/orders/confirm-delivery";

/** The buyer confirms delivery; escrow release to the seller follows. */
export const POST = apiRoute(
  { access: "user", params: z.object({ orderId: z.uuid("Order not found.") }) },
  async ({ user, params }) => {
    await confirmDelivery({ buyerId: user.id, orderId: params.orderId });
    return { order_id: params.orderId, status: "delivered" };
  },
);
