import Link from "next/link";

import { Pagination } from "@/components/ui/pagination";
import type { ProductReviewPage } from "@/lib/reviews/read/list-product-reviews";
import { REVIEW_SORT_LABELS, REVIEW_SORTS, type ReviewSort } from "@/lib/reviews/read/review-list-query";

import { ReviewCard } from "./review-card";

type Viewer = { signedIn: boolean; canReply: boolean };

function href(path: string, q: { sort: ReviewSort; stars: number | null; page?: number }): string {
  const params = new URLSearchParams();
  if (q.sort !== "newest") params.set("sort", q.sort);
  if (q.stars) params.set("stars", String(q.stars));
  if (q.page && q.page > 1) params.set("page", String(q.page));
  const qs = params.toString();
  return `${path}${qs ? `?${qs}` : ""}#reviews`;
}

const chip = (active: boolean) =>
  `rounded-full border px-3 py-1 text-sm ${active ? "border-brand-600 bg-brand-50 font-semibold text-brand-700" : "border-gray-300 bg-white hover:bg-gray-50"}`;

/** The product page's reviews: sort and star filters (plain links), one page of reviews, and paging. */
export function ProductReviews({
  path,
  reviews,
  histogram,
  shopName,
  viewer,
}: {
  path: string;
  reviews: ProductReviewPage;
  histogram: number[];
  shopName: string;
  viewer: Viewer;
}) {
  const { sort, stars, page, total, pageSize } = reviews;
  const signInHref = viewer.signedIn ? null : `/sign-in?callbackUrl=${encodeURIComponent(`${path}#reviews`)}`;
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  return (
    <section id="reviews" aria-labelledby="review-list-heading" className="mt-10 scroll-mt-6">
      <h2 id="review-list-heading" className="mb-3 text-lg font-bold">
        Reviews
      </h2>
      {total === 0 && stars === null ? (
        <p className="text-sm text-muted">No one has reviewed this product yet. Buyers can review it after delivery.</p>
      ) : (
        <>
          <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
            <nav aria-label="Filter reviews by stars" className="flex flex-wrap gap-2">
              <Link
                href={href(path, { sort, stars: null })}
                aria-current={stars === null ? "page" : undefined}
                className={chip(stars === null)}
              >
                All
              </Link>
              {[5, 4, 3, 2, 1].map((n) => (
                <Link
                  key={n}
                  href={href(path, { sort, stars: n })}
                  aria-current={stars === n ? "page" : undefined}
                  className={chip(stars === n)}
                >
                  {n} star ({histogram[n - 1] ?? 0})
                </Link>
              ))}
            </nav>
            <nav aria-label="Sort reviews" className="flex flex-wrap items-center gap-2 text-sm">
              <span className="text-muted">Sort:</span>
              {REVIEW_SORTS.map((s) => (
                <Link
                  key={s}
                  href={href(path, { sort: s, stars })}
                  aria-current={sort === s ? "page" : undefined}
                  className={sort === s ? "font-semibold text-brand-700" : "underline"}
                >
                  {REVIEW_SORT_LABELS[s]}
                </Link>
              ))}
            </nav>
          </div>
          {reviews.rows.length === 0 ? (
            <p className="text-sm text-muted">{stars ? `No ${stars}-star reviews.` : "No reviews on this page."}</p>
          ) : (
            <div className="divide-y divide-gray-200 rounded-xl border border-gray-200 bg-white px-4">
              {reviews.rows.map((r) => (
                <ReviewCard
                  key={r.id}
                  review={r}
                  shopName={shopName}
                  signInHref={signInHref}
                  canReply={viewer.canReply}
                />
              ))}
            </div>
          )}
          <Pagination
            page={page}
            pageCount={lastPage}
            href={(p) => href(path, { sort, stars, page: p })}
            label="Review pages"
            previousLabel="Previous page"
            nextLabel="Next page"
            className="mt-4"
          />
        </>
      )}
    </section>
  );
}
