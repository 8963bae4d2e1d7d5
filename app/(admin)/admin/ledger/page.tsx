import Link from "next/link";

import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/guards";
import { LEDGER_ACCOUNT_EXAMPLES } from "@/lib/ledger/accounts";
import { checkLedgerInvariants } from "@/lib/ledger/check-ledger-invariants";
import { listLedgerEntries } from "@/lib/ledger/list-ledger-entries";
import { formatMoney } from "@/lib/money/format-money";

import { runPayoutsAction } from "./actions";
import { RunPayoutsButton } from "./run-payouts-button";

export const metadata = { title: "Ledger" };

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
      <div className="overflow-x-auto rounded-xl border border-gray-200 bg-white">
        <table className="min-w-full text-sm">
          <thead className="bg-gray-50 text-left text-xs uppercase text-muted">
            <tr>
              <th scope="col" className="px-3 py-2">
                When
              </th>
              <th scope="col" className="px-3 py-2">
                Type
              </th>
              <th scope="col" className="px-3 py-2">
                Debit
              </th>
              <th scope="col" className="px-3 py-2">
                Credit
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Amount
              </th>
              <th scope="col" className="px-3 py-2">
                Order
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100 font-mono text-xs">
            {entries.rows.map((e) => (
              <tr key={e.id}>
                <td className="px-3 py-2 whitespace-nowrap">
                  {e.createdAt.toISOString().slice(0, 19).replace("T", " ")}
                </td>
                <td className="px-3 py-2">{e.entryType}</td>
                <td className="px-3 py-2">{e.debitAccount}</td>
                <td className="px-3 py-2">{e.creditAccount}</td>
                <td className="px-3 py-2 text-right">{formatMoney(e.amountCents, e.currency)}</td>
                <td className="px-3 py-2">
                  {e.orderId ? (
                    <Link href={`/admin/ledger?order=${e.orderId}`} className="text-brand-700 underline">
                      {e.orderId.slice(0, 8)}
                    </Link>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {entries.total > page * 50 ? (
        <Link
          href={`/admin/ledger?page=${page + 1}${account ? `&account=${encodeURIComponent(account)}` : ""}${orderId ? `&order=${orderId}` : ""}`}
          className="text-sm text-brand-700 underline"
        >
          Older entries
        </Link>
      ) : null}
    </div>
  );
}
