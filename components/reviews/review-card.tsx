import type { PublicReview } from "@/lib/reviews/read/list-product-reviews";

import { HelpfulButton } from "./helpful-button";
import { ReportReview } from "./report-review";
import { SellerReplyForm } from "./seller-reply-form";
import { StarRating } from "./star-rating";

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * One review on the product page. Everything the buyer or seller typed is a React text node,
 * so markup in a review shows as the characters typed and never runs.
 */
export function ReviewCard({
  review,
  shopName,
  signInHref,
  canReply,
}: {
  review: PublicReview;
  shopName: string;
  signInHref: string | null;
  canReply: boolean;
}) {
  return (
    <article aria-labelledby={`review-${review.id}-title`} className="space-y-2 py-5">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <StarRating value={review.rating} />
        <h3 id={`review-${review.id}-title`} className="font-semibold">
          {review.title}
        </h3>
      </div>
      <p className="text-xs text-muted">
        {review.authorName} · <time dateTime={review.createdAt.toISOString()}>{day(review.createdAt)}</time>
        {review.edited ? " · edited" : ""}
        {review.verifiedPurchase ? (
          <span className="ml-2 rounded bg-green-100 px-1.5 py-0.5 font-medium text-green-900">Verified purchase</span>
        ) : null}
      </p>
      {review.body ? <p className="whitespace-pre-line break-words text-sm">{review.body}</p> : null}
      {review.images.length > 0 ? (
        <ul className="flex flex-wrap gap-2" aria-label={`Photos from ${review.authorName}`}>
          {review.images.map((img, i) => (
            <li key={img.id}>
              <a
                href={img.url}
                target="_blank"
                rel="noopener noreferrer"
                className="block h-20 w-20 overflow-hidden rounded-md border border-gray-200 bg-gray-100"
              >
                {/* eslint-disable-next-line @next/next/no-img-element -- processed WebP variants with srcset and long cache headers */}
                <img
                  src={img.thumbUrl}
                  srcSet={img.srcSet}
                  sizes="80px"
                  width={80}
                  height={80}
                  alt={`Photo ${i + 1} of ${review.images.length} from ${review.authorName}'s review`}
                  loading="lazy"
                  className="h-full w-full object-cover"
                />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {review.reply ? (
        <div className="ml-4 rounded-md border-l-4 border-brand-100 bg-gray-50 px-3 py-2 text-sm">
          <p className="text-xs font-semibold">
            Reply from {shopName}
            {review.reply.edited ? <span className="font-normal text-muted"> · edited</span> : null}
          </p>
          <p className="whitespace-pre-line break-words">{review.reply.body}</p>
        </div>
      ) : null}
      {canReply ? <SellerReplyForm reviewId={review.id} existing={review.reply?.body ?? null} /> : null}
      {review.viewerIsAuthor ? (
        <p className="text-xs text-muted">
          {review.helpfulCount === 1
            ? "1 person found your review helpful."
            : review.helpfulCount > 1
              ? `${review.helpfulCount} people found your review helpful.`
              : "Your review."}
        </p>
      ) : (
        <div className="flex flex-wrap items-center gap-4">
          <HelpfulButton
            reviewId={review.id}
            count={review.helpfulCount}
            voted={review.viewerVoted}
            signInHref={signInHref}
          />
          {signInHref ? null : <ReportReview reviewId={review.id} />}
        </div>
      )}
    </article>
  );
}
