import { ReturnDecisionForm } from "@/components/returns/return-action-forms";
import { ReturnCard } from "@/components/returns/return-card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/guards";
import { formatMoney } from "@/lib/money/format-money";
import { listEscalatedReturns } from "@/lib/returns/list-escalated-returns";

import { resolveReturnAction } from "./actions";

export const metadata = { title: "Returns" };

export default async function AdminReturnsPage() {
  await requirePageUser("/admin/returns", "admin");
  const returns = await listEscalatedReturns();
  return (
    <div>
      <PageHeader
        title="Returns to mediate"
        description="The seller declined and the buyer disagrees: accept the return over the decline (the buyer gets a label) or uphold the decline."
      />
      {returns.length === 0 ? <EmptyState>No returns waiting for a decision.</EmptyState> : null}
      <ul className="space-y-4">
        {returns.map((r) => (
          <li key={r.id}>
            <ReturnCard
              r={r}
              heading={
                <p className="text-xs text-muted">
                  {r.shopName} · buyer {r.buyerEmail} · order #{r.orderId.slice(0, 8)} (
                  {formatMoney(r.orderTotalCents, r.currency)})
                </p>
              }
            >
              <ReturnDecisionForm
                id={`decide-${r.id}`}
                action={resolveReturnAction.bind(null, r.id)}
                address={r.sellerAddress}
              />
            </ReturnCard>
          </li>
        ))}
      </ul>
    </div>
  );
}
