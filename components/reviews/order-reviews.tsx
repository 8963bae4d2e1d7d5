import Link from "next/link";

import { listOrderReviews } from "@/lib/reviews/read/list-order-reviews";
import { REVIEW_EDIT_HOURS } from "@/lib/reviews/review-rules";

import { ReviewForm } from "./review-form";
import { StarRating } from "./star-rating";

const day = (d: Date) => d.toISOString().slice(0, 10);
const minute = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/**
 * The review prompt on the buyer's delivered order: a form for each item not yet reviewed
 * while the window is open, and the buyer's own review (editable for 48 hours) for the rest.
 */
export async function OrderReviews({ orderId, buyerId }: { orderId: string; buyerId: string }) {
  const { eligibility, items } = await listOrderReviews({ orderId, buyerId });
  if (!eligibility.ok && eligibility.code === "not_delivered") return null;
  const toReview = items.filter((i) => !i.review);
  return (
    <section aria-labelledby="reviews-heading" className="rounded-xl border border-gray-200 bg-white p-4">
      <h2 id="reviews-heading" className="font-semibold">
        {toReview.length > 0 && eligibility.ok ? "How was your order? Review your items" : "Your reviews"}
      </h2>
      <p className="mb-3 text-sm text-muted">
        {eligibility.ok
          ? `Reviews help other buyers. You can review these items until ${day(eligibility.closesAt)} and change a review for ${REVIEW_EDIT_HOURS} hours after posting it.`
          : eligibility.message}
      </p>
      <ul className="divide-y divide-gray-100">
        {items.map((item, index) => (
          <li key={item.orderItemId} className="py-3">
            <p className="font-medium">
              <Link href={`/products/${item.productId}`} className="hover:underline">
                {item.productTitle}
              </Link>
            </p>
            {item.review ? (
              <div className="mt-2 space-y-1 text-sm">
                <p className="flex flex-wrap items-center gap-2">
                  <StarRating value={item.review.rating} /> <span className="font-semibold">{item.review.title}</span>
                </p>
                {item.review.body ? <p className="whitespace-pre-line text-ink">{item.review.body}</p> : null}
                {item.review.status === "hidden" ? (
                  <p className="text-amber-800">A moderator hid this review from the product page.</p>
                ) : item.review.canEdit ? (
                  <details className="mt-2">
                    <summary className="cursor-pointer text-brand-700 underline">
                      Edit your review (until {minute(item.review.editableUntil)})
                    </summary>
                    <div className="mt-3">
                      <ReviewForm
                        orderId={orderId}
                        orderItemId={item.orderItemId}
                        productTitle={item.productTitle}
                        reviewId={item.review.id}
                        initial={{
                          rating: item.review.rating,
                          title: item.review.title,
                          body: item.review.body,
                          images: item.review.images,
                        }}
                      />
                    </div>
                  </details>
                ) : (
                  <p className="text-muted">Posted {day(item.review.createdAt)}.</p>
                )}
              </div>
            ) : eligibility.ok ? (
              <details className="mt-2" open={index === items.findIndex((i) => !i.review)}>
                <summary className="cursor-pointer text-sm font-medium text-brand-700">Write a review</summary>
                <div className="mt-3">
                  <ReviewForm orderId={orderId} orderItemId={item.orderItemId} productTitle={item.productTitle} />
                </div>
              </details>
            ) : (
              <p className="mt-1 text-sm text-muted">Not reviewed.</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
