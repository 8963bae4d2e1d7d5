import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/guards";
import { formatMoney } from "@/lib/money/format-money";
import { listOpenDisputes } from "@/lib/payments/list-open-disputes";

import { resolveDisputeAction } from "./actions";
import { DisputeForm } from "./dispute-form";

export const metadata = { title: "Disputes" };

export default async function DisputesPage() {
  await requirePageUser("/admin/disputes", "admin");
  const disputes = await listOpenDisputes();
  return (
    <div>
      <PageHeader title="Disputes" description="Release to the seller is paused until you decide." />
      {disputes.length === 0 ? <EmptyState>No open disputes.</EmptyState> : null}
      <ul className="space-y-4">
        {disputes.map((d) => (
          <li key={d.id} className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
            <p className="font-semibold">{d.order.items.map((i) => `${i.quantity} × ${i.titleSnapshot}`).join(", ")}</p>
            <p className="text-sm text-muted">
              {d.order.seller.shopName} · buyer {d.order.buyer.email} ·{" "}
              {formatMoney(d.order.totalCents, d.order.currency)} · escrow {d.order.escrowStatus} ·{" "}
              {d.stripeDisputeId ? "card dispute" : "opened by the buyer"}
            </p>
            <p className="mt-2 text-sm">
              <span className="font-medium">Reason:</span> {d.reason}
            </p>
            <ol className="mt-2 space-y-1 border-l border-gray-200 pl-3 text-xs text-muted">
              {d.order.transitions.map((t, i) => (
                <li key={i}>
                  {t.createdAt.toISOString().slice(0, 16).replace("T", " ")} · {t.toStatus} · {t.actorType}
                  {t.note ? ` · ${t.note}` : ""}
                </li>
              ))}
            </ol>
            <div className="mt-3">
              <DisputeForm id={d.id} action={resolveDisputeAction.bind(null, d.id)} />
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
