import Link from "next/link";

import { StarRating } from "@/components/reviews/star-rating";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePageUser } from "@/lib/auth/guards";
import { listReviewCases } from "@/lib/reviews/moderate/list-review-cases";

import { decideReviewCaseAction, restoreReviewAction } from "./actions";
import { RestoreReviewForm, ReviewCaseForm } from "./review-case-form";

export const metadata = { title: "Review moderation" };

const stamp = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

export default async function AdminReviewsPage({
  searchParams,
}: {
  searchParams: Promise<{ page?: string; view?: string }>;
}) {
  await requirePageUser("/admin/reviews", "admin");
  const sp = await searchParams;
  const hiddenView = sp.view === "hidden";
  const page = Math.max(1, Math.min(1000, Number(sp.page) || 1));
  const { rows, total, pageSize } = await listReviewCases({ status: hiddenView ? "rejected" : "open", page });
  const chip = (on: boolean) =>
    `rounded-full border px-3 py-1.5 text-sm ${on ? "border-brand-600 bg-brand-50 font-semibold text-brand-700" : "border-gray-300 bg-white"}`;
  return (
    <div>
      <PageHeader
        title="Review moderation"
        description={
          hiddenView
            ? `${total} hidden ${total === 1 ? "review" : "reviews"}, most recently hidden first. Restoring one puts it back on the product page and in its rating.`
            : `${total} reported or flagged ${total === 1 ? "review" : "reviews"} waiting, oldest first. Hidden reviews leave the product page and its rating.`
        }
      />
      <nav aria-label="Review lists" className="mb-4 flex gap-2">
        <Link href="/admin/reviews" aria-current={hiddenView ? undefined : "page"} className={chip(!hiddenView)}>
          Waiting
        </Link>
        <Link
          href="/admin/reviews?view=hidden"
          aria-current={hiddenView ? "page" : undefined}
          className={chip(hiddenView)}
        >
          Hidden
        </Link>
      </nav>
      {rows.length === 0 ? (
        <EmptyState>{hiddenView ? "No hidden reviews." : "No reviews are waiting for a decision."}</EmptyState>
      ) : null}
      <ul className="space-y-4">
        {rows.map((c) => (
          <li key={c.id} className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
            <article aria-labelledby={`case-${c.id}-title`}>
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div>
                  <p className="flex flex-wrap items-center gap-2">
                    <StarRating value={c.review.rating} />{" "}
                    <span id={`case-${c.id}-title`} className="font-semibold">
                      {c.review.title}
                    </span>
                  </p>
                  <p className="text-sm text-muted">
                    by {c.review.buyerEmail} on{" "}
                    <Link href={`/products/${c.review.product.id}#reviews`} className="underline">
                      {c.review.product.title}
                    </Link>{" "}
                    ({c.review.product.shopName}) · posted {stamp(c.review.createdAt)}
                  </p>
                </div>
                <p className="text-xs text-muted">case opened {stamp(c.createdAt)}</p>
              </div>
              {c.review.body ? (
                <p className="mt-2 max-h-48 overflow-auto whitespace-pre-line break-words rounded bg-gray-50 p-3 text-sm">
                  {c.review.body}
                </p>
              ) : null}
              <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-red-800">
                {c.reasons.map((r) => (
                  <li key={r.code}>{r.message}</li>
                ))}
              </ul>
              {c.reports.length > 0 ? (
                <div className="mt-3 text-sm">
                  <p className="font-medium">{c.reports.length === 1 ? "1 report" : `${c.reports.length} reports`}</p>
                  <ul className="mt-1 space-y-1">
                    {c.reports.map((r) => (
                      <li key={`${r.reporterEmail}-${r.createdAt.toISOString()}`}>
                        <span className="break-words">“{r.reason}”</span>{" "}
                        <span className="text-muted">
                          — {r.reporterEmail}, {stamp(r.createdAt)}
                        </span>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {c.signals.length > 0 ? (
                <p className="mt-3 text-sm">
                  <span className="font-medium">Fraud signals:</span>{" "}
                  {c.signals.map((s) => `${s.kind} (${s.score})`).join(", ")}
                </p>
              ) : null}
              <div className="mt-4">
                {hiddenView ? (
                  <RestoreReviewForm caseId={c.id} action={restoreReviewAction.bind(null, c.id)} />
                ) : (
                  <ReviewCaseForm caseId={c.id} action={decideReviewCaseAction.bind(null, c.id)} />
                )}
              </div>
            </article>
          </li>
        ))}
      </ul>
      <Pagination
        page={page}
        pageCount={Math.ceil(total / pageSize)}
        href={(p) => `/admin/reviews?${hiddenView ? "view=hidden&" : ""}page=${p}`}
        previousLabel="Previous cases"
        nextLabel="More cases"
      />
    </div>
  );
}
