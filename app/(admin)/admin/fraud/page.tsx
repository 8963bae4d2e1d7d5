import Link from "next/link";

import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePageUser } from "@/lib/auth/guards";
import { REVIEW_THRESHOLD } from "@/lib/fraud/checkout-risk";
import { listHeldOrders } from "@/lib/fraud/order-hold";
import { MODEL_HOLD_THRESHOLD } from "@/lib/fraud/score-checkout";
import { formatMoney } from "@/lib/money/format-money";

import { decideHoldAction } from "./actions";
import { HoldDecisionForm } from "./hold-decision-form";

export const metadata = { title: "Payment review" };

export default async function FraudReviewPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  await requirePageUser("/admin/fraud", "admin");
  const page = Math.max(1, Math.min(1000, Number((await searchParams).page) || 1));
  const { rows, total } = await listHeldOrders({ page });
  return (
    <div>
      <PageHeader
        title="Payment review"
        description={`${total} held ${total === 1 ? "order" : "orders"}, oldest first. Orders whose payment scores ${REVIEW_THRESHOLD} or more by the rules, or ${MODEL_HOLD_THRESHOLD} or more by the risk model, are held (as is a run of declined cards, before any money moves): the money stays in escrow and the seller is told not to ship until you decide.`}
      />
      {rows.length === 0 ? <EmptyState>No payments are waiting for review.</EmptyState> : null}
      <ul className="space-y-4">
        {rows.map((h) => (
          <li key={h.caseId} className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div className="min-w-0">
                <p className="font-semibold">{h.order.items}</p>
                <p className="text-sm text-muted">
                  {h.order.shopName} · {formatMoney(h.order.totalCents, h.order.currency)} · order{" "}
                  <Link href={`/admin/ledger?order=${h.order.id}`} className="text-brand-700 underline">
                    {h.order.id.slice(0, 8)}
                  </Link>{" "}
                  · held {h.openedAt.toISOString().slice(0, 16).replace("T", " ")} UTC
                </p>
                <p className="text-sm">
                  Buyer {h.order.buyerEmail}, joined {h.order.buyerSince.toISOString().slice(0, 10)} · ships to{" "}
                  {h.order.shipTo}
                </p>
              </div>
              <p className="rounded-full bg-red-100 px-3 py-1 text-sm font-bold text-red-800">Risk {h.score}</p>
            </div>
            <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-red-800">
              {h.reasons.map((r) => (
                <li key={r.code}>
                  {r.message} <span className="text-xs text-muted">(+{r.score})</span>
                </li>
              ))}
            </ul>
            <div className="mt-4">
              <HoldDecisionForm caseId={h.caseId} action={decideHoldAction.bind(null, h.caseId)} />
            </div>
          </li>
        ))}
      </ul>
      <Pagination
        page={page}
        pageCount={Math.ceil(total / 20)}
        href={(p) => `/admin/fraud?page=${p}`}
        previousLabel="Previous held orders"
        nextLabel="More held orders"
      />
    </div>
  );
}
