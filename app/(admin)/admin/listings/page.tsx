import Link from "next/link";

import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePageUser } from "@/lib/auth/guards";
import { listModerationCases } from "@/lib/catalog/list-moderation-cases";
import { formatMoney } from "@/lib/money/format-money";

import { decideCaseAction } from "./actions";
import { CaseDecisionForm } from "./case-decision-form";

export const metadata = { title: "Listing moderation" };

export default async function AdminListingsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  await requirePageUser("/admin/listings", "admin");
  const page = Math.max(1, Math.min(1000, Number((await searchParams).page) || 1));
  const { rows, total } = await listModerationCases({ status: "open", page });
  return (
    <div>
      <PageHeader
        title="Listing moderation"
        description={`${total} open ${total === 1 ? "case" : "cases"}, oldest first.`}
      />
      {rows.length === 0 ? <EmptyState>No listings are waiting for review.</EmptyState> : null}
      <ul className="space-y-4">
        {rows.map((c) => (
          <li key={c.id} className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div>
                <p className="font-semibold">{c.product?.title ?? "Deleted listing"}</p>
                {c.product ? (
                  <p className="text-sm text-muted">
                    {c.product.shopName} · {formatMoney(c.product.priceCents, c.product.currency)} · opened{" "}
                    {c.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC
                  </p>
                ) : null}
              </div>
              {c.product ? (
                <Link href={`/admin/listings/${c.product.id}`} className="text-sm text-brand-700 underline">
                  Preview
                </Link>
              ) : null}
            </div>
            <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-red-800">
              {c.reasons.map((r) => (
                <li key={r.code}>{r.message}</li>
              ))}
            </ul>
            <div className="mt-4">
              <CaseDecisionForm caseId={c.id} action={decideCaseAction.bind(null, c.id)} />
            </div>
          </li>
        ))}
      </ul>
      <Pagination
        page={page}
        pageCount={Math.ceil(total / 25)}
        href={(p) => `/admin/listings?page=${p}`}
        previousLabel="Previous cases"
        nextLabel="More cases"
      />
    </div>
  );
}
