import { AppError } from "@/lib/errors/app-error";
import { apiRoute } from "@/lib/http/api-route";
import { rateBuyer } from "@/lib/reviews/buyer-ratings/rate-buyer";
import { ZBuyerRatingRequest } from "@/lib/reviews/review-input";

/** A seller rates the buyer of their own delivered order, once. Body: { order_id, rating, note? }. */
export const POST = apiRoute(
  {
    access: "seller",
    body: ZBuyerRatingRequest,
    summary: "Rate the buyer of your delivered order",
    status: 201,
  },
  async ({ user, body }) => {
    if (!user.sellerId) throw new AppError("forbidden", "Open a shop to rate buyers.");
    const { order_id, ...input } = body;
    const r = await rateBuyer({ sellerId: user.sellerId, orderId: order_id, input });
    return Response.json({ buyer_rating_id: r.buyerReviewId, order_id }, { status: 201 });
  },
);
