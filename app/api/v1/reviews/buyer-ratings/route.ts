import { z } from "zod";

import { AppError } from "@/lib/errors/app-error";
import { apiRoute } from "@/lib/http/api-route";
import { rateBuyer } from "@/lib/reviews/buyer-ratings/rate-buyer";

/** A seller rates the buyer of their own delivered order, once. Body: { order_id, rating, note? }. */
export const POST = apiRoute(
  {
    access: "seller",
    body: z.object({ order_id: z.uuid("order_id must be one of your orders.") }).catchall(z.unknown()),
  },
  async ({ user, body }) => {
    if (!user?.sellerId) throw new AppError("forbidden", "Open a shop to rate buyers.");
    const { order_id, ...input } = body;
    const r = await rateBuyer({ sellerId: user.sellerId, orderId: order_id, input });
    return Response.json({ buyer_rating_id: r.buyerReviewId, order_id }, { status: 201 });
  },
);
