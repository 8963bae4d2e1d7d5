import { z } from "zod";

import { actsAsAdmin } from "@/lib/auth/guards";
import { apiRoute } from "@/lib/http/api-route";
import { getOrderForViewer } from "@/lib/orders/get-order-for-viewer";
import { orderJson } from "@/lib/orders/order-json";

export const GET = apiRoute(
  { access: "user", params: z.object({ orderId: z.uuid("Order not found.") }) },
  async ({ user, params }) => {
    return orderJson(
      await getOrderForViewer({
        orderId: params.orderId,
        userId: user.id,
        sellerId: user.sellerId,
        isAdmin: actsAsAdmin(user),
      }),
    );
  },
);
