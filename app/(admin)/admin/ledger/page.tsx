import Link from "next/link";

import { Cell, DataTable, type Column } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePageUser } from "@/lib/auth/guards";
import { LEDGER_ACCOUNT_EXAMPLES } from "@/lib/ledger/accounts";
import { checkLedgerInvariants } from "@/lib/ledger/check-ledger-invariants";
import { listLedgerEntries } from "@/lib/ledger/list-ledger-entries";
import { formatMoney } from "@/lib/money/format-money";

import { runPayoutsAction } from "./actions";
import { RunPayoutsButton } from "./run-payouts-button";

export const metadata = { title: "Ledger" };

const COLUMNS: Column[] = [
  { label: "When" },
  { label: "Type" },
  { label: "Debit" },
  { label: "Credit" },
  { label: "Amount", align: "right" },
  { label: "Order" },
];

export default async function LedgerPage({
  searchParams,
}: {
  searchParams: Promise<{ account?: string; order?: string; page?: string }>;
}) {
  await requirePageUser("/admin/ledger", "admin");
  const sp = await searchParams;
  const account = sp.account?.slice(0, 100) || undefined;
  const orderId = sp.order && /^[0-9a-f-]{36}$/.test(sp.order) ? sp.order : undefined;
  const page = Math.max(1, Math.min(10_000, Number(sp.page) || 1));
  const [invariants, entries] = await Promise.all([
    checkLedgerInvariants(),
    listLedgerEntries({ account, orderId, page }),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Escrow ledger"
        description="Double-entry and append-only: every money movement, and the checks that must always hold."
        actions={<RunPayoutsButton action={runPayoutsAction} />}
      />
      <section aria-labelledby="inv-heading" className="rounded-xl border border-gray-200 bg-white p-4">
        <h2 id="inv-heading" className="mb-3 font-semibold">
          Invariants{" "}
          {invariants.ok ? (
            <span className="text-green-800">— all hold</span>
          ) : (
            <span className="text-red-700">— VIOLATED</span>
          )}
        </h2>
        <ul className="space-y-2 text-sm">
          {invariants.results.map((r) => (
            <li key={r.name} className="flex gap-2">
              <span aria-hidden>{r.ok ? "✔" : "✖"}</span>
              <span>
                <span className={r.ok ? "" : "font-semibold text-red-700"}>{r.name}</span>
                <span className="block text-xs text-muted">{r.detail}</span>
              </span>
            </li>
          ))}
        </ul>
      </section>
      <form method="get" className="flex flex-wrap gap-2 text-sm">
        <label htmlFor="account" className="sr-only">
          Account
        </label>
        <input
          id="account"
          name="account"
          defaultValue={account}
          placeholder={`Account, e.g. ${LEDGER_ACCOUNT_EXAMPLES}`}
          className="w-72 rounded-md border border-gray-300 px-3 py-1.5"
        />
        <label htmlFor="order" className="sr-only">
          Order id
        </label>
        <input
          id="order"
          name="order"
          defaultValue={orderId}
          placeholder="Order id"
          className="w-80 rounded-md border border-gray-300 px-3 py-1.5"
        />
        <button className="rounded-md border border-gray-300 bg-white px-3 py-1.5 font-medium">Filter</button>
      </form>
      <DataTable caption="Ledger entries, newest first" columns={COLUMNS} bodyClassName="font-mono text-xs">
        {entries.rows.map((e) => (
          <tr key={e.id}>
            <Cell nowrap>{e.createdAt.toISOString().slice(0, 19).replace("T", " ")}</Cell>
            <Cell>{e.entryType}</Cell>
            <Cell>{e.debitAccount}</Cell>
            <Cell>{e.creditAccount}</Cell>
            <Cell align="right">{formatMoney(e.amountCents, e.currency)}</Cell>
            <Cell>
              {e.orderId ? (
                <Link href={`/admin/ledger?order=${e.orderId}`} className="text-brand-700 underline">
                  {e.orderId.slice(0, 8)}
                </Link>
              ) : (
                "—"
              )}
            </Cell>
          </tr>
        ))}
      </DataTable>
      <Pagination
        page={page}
        pageCount={Math.ceil(entries.total / 50)}
        href={(p) =>
          `/admin/ledger?page=${p}${account ? `&account=${encodeURIComponent(account)}` : ""}${orderId ? `&order=${orderId}` : ""}`
        }
        previousLabel="Newer entries"
        nextLabel="Older entries"
      />
    </div>
  );
}
