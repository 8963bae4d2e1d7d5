import Link from "next/link";

import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/guards";
import { formatMoney } from "@/lib/money/format-money";
import { listMoneyAttention, type MoneyAttentionRow } from "@/lib/payments/list-money-attention";

import { retryReleaseAction } from "./actions";
import { RetryReleaseForm } from "./retry-release-form";

export const metadata = { title: "Money needing attention" };

const WHEN = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

function ledgerHref(ledger: MoneyAttentionRow["ledger"]): string | null {
  if (!ledger) return null;
  return "order" in ledger
    ? `/admin/ledger?order=${ledger.order}`
    : `/admin/ledger?account=${encodeURIComponent(ledger.account)}`;
}

export default async function MoneyAttentionPage() {
  await requirePageUser("/admin/money", "admin");
  const { sections, total } = await listMoneyAttention();
  return (
    <div className="space-y-6">
      <PageHeader
        title="Money needing attention"
        description={
          total === 0
            ? "Nothing is waiting: every release, transfer, payout and refund went through."
            : `${total} ${total === 1 ? "item" : "items"}, oldest first in each section.`
        }
      />
      {sections.map((s) => (
        <section
          key={s.key}
          aria-labelledby={`${s.key}-heading`}
          className="rounded-xl border border-gray-200 bg-white"
        >
          <div className="border-b border-gray-100 px-4 py-3">
            <h2 id={`${s.key}-heading`} className="font-semibold">
              {s.title} <span className="text-sm font-normal text-muted">({s.rows.length})</span>
            </h2>
            <p className="text-sm text-muted">{s.description}</p>
          </div>
          {s.rows.length === 0 ? (
            <p className="px-4 py-3 text-sm text-muted">None.</p>
          ) : (
            <ul className="divide-y divide-gray-100">
              {s.rows.map((r) => {
                const href = ledgerHref(r.ledger);
                return (
                  <li key={r.id} className="flex flex-wrap items-start justify-between gap-3 px-4 py-3 text-sm">
                    <div className="min-w-0 flex-1 space-y-1">
                      <p className="font-medium">
                        {r.title}
                        {r.amountCents !== null ? (
                          <span className="ml-2 font-semibold">{formatMoney(r.amountCents, r.currency)}</span>
                        ) : null}
                      </p>
                      <p>Why: {r.reason}</p>
                      <p className="text-muted">Fix: {r.fix}</p>
                      <p className="text-xs text-muted">
                        Since {WHEN.format(r.since)} UTC
                        {href ? (
                          <>
                            {" · "}
                            <Link href={href} className="text-brand-700 underline">
                              Ledger lines
                            </Link>
                          </>
                        ) : null}
                      </p>
                    </div>
                    {r.retryReleaseOf ? (
                      <RetryReleaseForm
                        label={`Retry the release of order ${r.retryReleaseOf.slice(0, 8)}`}
                        action={retryReleaseAction.bind(null, r.retryReleaseOf)}
                      />
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
