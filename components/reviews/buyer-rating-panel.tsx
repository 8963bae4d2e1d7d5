import type { OrderBuyerRating } from "@/lib/reviews/buyer-ratings/list-order-buyer-ratings";

import { BuyerRatingForm } from "./buyer-rating-form";
import { StarRating } from "./star-rating";

/** On a seller's order: the buyer's reputation from all sellers, this seller's own rating, or the form to give it. */
export function BuyerRatingPanel({ rating }: { rating: OrderBuyerRating }) {
  return (
    <div className="space-y-1 text-sm">
      <p className="text-muted">
        Buyer reputation:{" "}
        {rating.buyer.count > 0 ? (
          <>
            <StarRating value={rating.buyer.avg} /> {rating.buyer.avg.toFixed(1)} from {rating.buyer.count} seller{" "}
            {rating.buyer.count === 1 ? "rating" : "ratings"}
          </>
        ) : (
          "no seller ratings yet"
        )}
      </p>
      {rating.mine ? (
        <p>
          You rated this buyer <StarRating value={rating.mine.rating} />
          {rating.mine.note ? <span className="text-muted"> · “{rating.mine.note}”</span> : null}
        </p>
      ) : rating.canRate ? (
        <BuyerRatingForm orderId={rating.orderId} />
      ) : null}
    </div>
  );
}
