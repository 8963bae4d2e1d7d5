import Link from "next/link";

import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePageUser } from "@/lib/auth/guards";
import { listOpenClaims } from "@/lib/claims/list-open-claims";
import { CLAIM_KINDS } from "@/lib/claims/open-claim";
import { formatMoney } from "@/lib/money/format-money";

import { decideClaimAction } from "./actions";
import { ClaimDecisionForm } from "./claim-decision-form";

export const metadata = { title: "Claims" };

const MONEY_STATE: Record<string, string> = {
  held: "still held in escrow (a refund leaves escrow)",
  released: "already paid to the seller (a refund reverses the transfer, or the seller owes it from the next payout)",
  refunded: "refunded",
  none: "not paid",
};

export default async function ClaimsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  await requirePageUser("/admin/claims", "admin");
  const page = Math.max(1, Math.min(10_000, Number((await searchParams).page) || 1));
  const { rows, total } = await listOpenClaims({ page });
  return (
    <div>
      <PageHeader
        title="Claims"
        description={`${total} open. Buyers claim within the protection window after delivery, even after the seller was paid: refund in full or in part, or reject with a note.`}
      />
      {rows.length === 0 ? <EmptyState>No open claims.</EmptyState> : null}
      <ul className="space-y-4">
        {rows.map((c) => {
          const money = (n: number) => formatMoney(n, c.order.currency);
          const remaining = c.order.totalCents - c.order.refundedCents;
          return (
            <li key={c.id} className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
              <h2 className="font-semibold">
                {CLAIM_KINDS[c.kind as keyof typeof CLAIM_KINDS] ?? c.kind} ·{" "}
                <Link href={`/orders/${c.order.id}`} className="text-brand-700 underline">
                  order #{c.order.id.slice(0, 8)}
                </Link>
              </h2>
              <p className="text-sm text-muted">
                {c.order.shopName} · buyer {c.order.buyerEmail} · opened {c.createdAt.toISOString().slice(0, 10)}
                {c.order.deliveredAt
                  ? ` · delivered ${c.order.deliveredAt.toISOString().slice(0, 10)}`
                  : " · not delivered"}
              </p>
              <p className="mt-2 text-sm">
                Paid {money(c.order.totalCents)}
                {c.order.refundedCents ? ` · refunded so far ${money(c.order.refundedCents)}` : ""} · left to refund{" "}
                {money(remaining)} · money {MONEY_STATE[c.order.escrowStatus] ?? c.order.escrowStatus} ·{" "}
                <Link href={`/admin/ledger?order=${c.order.id}`} className="text-brand-700 underline">
                  ledger lines
                </Link>
              </p>
              <ul className="mt-1 text-sm text-muted">
                {c.order.items.map((i) => (
                  <li key={i.id}>
                    {i.quantity} × {i.titleSnapshot} at {money(i.unitPriceCents)}
                    {i.refundedQuantity ? ` (${i.refundedQuantity} refunded)` : ""}
                  </li>
                ))}
              </ul>
              <p className="mt-2 text-sm">
                <span className="font-medium">The buyer says:</span> {c.description}
              </p>
              {c.requestedCents ? (
                <p className="text-sm">
                  <span className="font-medium">Asks for:</span> {money(c.requestedCents)}
                </p>
              ) : null}
              <div className="mt-3">
                <ClaimDecisionForm
                  id={c.id}
                  action={decideClaimAction.bind(null, c.id, c.order.currency)}
                  remainingLabel={money(remaining)}
                  requestedLabel={c.requestedCents ? money(c.requestedCents) : null}
                  currency={c.order.currency}
                />
              </div>
            </li>
          );
        })}
      </ul>
      <Pagination
        page={page}
        pageCount={Math.ceil(total / 20)}
        href={(p) => `/admin/claims?page=${p}`}
        previousLabel="Previous claims"
        nextLabel="More claims"
      />
    </div>
  );
}
