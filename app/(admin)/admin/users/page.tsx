import Link from "next/link";

import { EmptyState } from "@/components/ui/empty-state";
import { FilterBar, FilterInput, FilterSelect, FilterSubmit } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/guards";
import { ACCOUNTS_PAGE_SIZE, listAccounts, type TAccountQuery } from "@/lib/users/list-accounts";

import { setSuspensionAction } from "./actions";
import { SuspensionForm } from "./suspension-form";

export const metadata = { title: "Accounts" };

function pageHref(q: TAccountQuery, page: number): string {
  const p = new URLSearchParams();
  if (q.q) p.set("q", q.q);
  if (q.role) p.set("role", q.role);
  if (q.status) p.set("status", q.status);
  p.set("page", String(page));
  return `/admin/users?${p}`;
}

export default async function AdminUsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const me = await requirePageUser("/admin/users", "admin");
  const { rows, total, query } = await listAccounts(await searchParams);
  return (
    <div>
      <PageHeader
        title="Accounts"
        description={`${total} ${total === 1 ? "account" : "accounts"}. Suspending signs the person out at once; a suspended seller's shop and listings disappear from the storefront and search.`}
      />
      <FilterBar label="Find accounts">
        <FilterInput
          id="acct-q"
          name="q"
          type="search"
          label="Email, name or shop"
          defaultValue={query.q ?? ""}
          maxLength={200}
          wide
        />
        <FilterSelect
          id="acct-role"
          name="role"
          label="Role"
          value={query.role}
          options={[
            ["buyer", "Buyer"],
            ["seller", "Seller"],
            ["admin", "Admin"],
          ]}
        />
        <FilterSelect
          id="acct-status"
          name="status"
          label="Status"
          value={query.status}
          options={[
            ["active", "Active"],
            ["suspended", "Suspended"],
          ]}
        />
        <FilterSubmit>Find</FilterSubmit>
      </FilterBar>
      {rows.length === 0 ? <EmptyState>No accounts match.</EmptyState> : null}
      <ul className="space-y-3">
        {rows.map((u) => (
          <li
            key={u.id}
            className="grid gap-4 rounded-lg border border-gray-200 bg-white p-4 shadow-sm md:grid-cols-[1fr_18rem]"
          >
            <div className="min-w-0 text-sm">
              <p className="break-words font-semibold">{u.email}</p>
              <p className="text-muted">
                {u.name ?? "No name"} · {u.role}
                {u.shopName ? ` · shop "${u.shopName}"` : ""} · joined {u.createdAt.toISOString().slice(0, 10)}
              </p>
              <p className={`mt-1 font-medium ${u.status === "suspended" ? "text-red-700" : "text-green-800"}`}>
                {u.status === "suspended" ? "Suspended" : "Active"}
              </p>
              {u.lastCase ? (
                <p className="mt-1 text-xs text-muted">
                  Last decision: {u.lastCase.status === "suspended" ? "suspended" : "reinstated"}
                  {u.lastCase.resolvedAt ? ` on ${u.lastCase.resolvedAt.toISOString().slice(0, 10)}` : ""}:{" "}
                  {u.lastCase.resolution}
                </p>
              ) : null}
            </div>
            {u.role === "admin" || u.id === me.id ? (
              <p className="text-xs text-muted">Admin accounts are managed outside the console.</p>
            ) : (
              <SuspensionForm
                userId={u.id}
                email={u.email}
                suspended={u.status === "suspended"}
                action={setSuspensionAction.bind(null, u.id, u.status !== "suspended")}
              />
            )}
          </li>
        ))}
      </ul>
      {total > query.page * ACCOUNTS_PAGE_SIZE ? (
        <p className="mt-4 text-sm">
          <Link href={pageHref(query, query.page + 1)} className="text-brand-700 underline">
            More accounts
          </Link>
        </p>
      ) : null}
    </div>
  );
}
