import Link from "next/link";

import { Cell, DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterBar, FilterInput, FilterSelect, FilterSubmit } from "@/components/ui/filter-bar";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { AUDIT_ACTIONS } from "@/lib/audit/audit-actions";
import { listAuditEvents, type TAuditQuery } from "@/lib/audit/list-audit-events";
import { requirePageUser } from "@/lib/auth/guards";

export const metadata = { title: "Audit log" };

const TARGET_TYPES = [
  "order",
  "product",
  "user",
  "seller",
  "claim",
  "dispute",
  "return",
  "review",
  "payout_run",
  "notification",
  "email_suppression",
];

function queryHref(q: Partial<TAuditQuery>, page?: number): string {
  const p = new URLSearchParams();
  for (const key of ["actor", "action", "targetType", "targetId", "from", "to"] as const) {
    const v = q[key];
    if (v) p.set(key, v);
  }
  if (page && page > 1) p.set("page", String(page));
  const s = p.toString();
  return s ? `/admin/audit?${s}` : "/admin/audit";
}

function detailText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .filter(([, v]) => v !== null && v !== "")
    .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(" · ");
}

export default async function AdminAuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  await requirePageUser("/admin/audit", "admin");
  const { rows, total, pageCount, query } = await listAuditEvents(await searchParams);
  return (
    <div>
      <PageHeader
        title="Audit log"
        description={`${total} ${total === 1 ? "event" : "events"}. Every admin decision and every movement of money, with who made it and from where. Nothing here can be changed or deleted.`}
      />
      <FilterBar label="Filter the audit log">
        <FilterInput
          id="audit-actor"
          name="actor"
          label="Actor (account id)"
          defaultValue={query.actor ?? ""}
          maxLength={36}
          wide
        />
        <FilterSelect
          id="audit-action"
          name="action"
          label="Action"
          value={query.action}
          options={Object.entries(AUDIT_ACTIONS)}
        />
        <FilterSelect
          id="audit-target-type"
          name="targetType"
          label="Target type"
          value={query.targetType}
          options={TARGET_TYPES.map((t) => [t, t.replace("_", " ")] as const)}
        />
        <FilterInput
          id="audit-target-id"
          name="targetId"
          label="Target id"
          defaultValue={query.targetId ?? ""}
          maxLength={100}
          wide
        />
        <FilterInput id="audit-from" name="from" type="date" label="From (UTC day)" defaultValue={query.from ?? ""} />
        <FilterInput id="audit-to" name="to" type="date" label="To (UTC day)" defaultValue={query.to ?? ""} />
        <FilterSubmit>Filter</FilterSubmit>
        <Link href="/admin/audit" className="px-1 py-2 text-brand-700 underline">
          Clear
        </Link>
      </FilterBar>
      {rows.length === 0 ? (
        <EmptyState>No events match.</EmptyState>
      ) : (
        <DataTable
          caption="Audit events, newest first"
          minWidth="md"
          columns={[
            { label: "When" },
            { label: "Who" },
            { label: "What" },
            { label: "Target" },
            { label: "From where" },
          ]}
        >
          {rows.map((e) => (
            <tr key={e.id} className="align-top">
              <Cell className="whitespace-nowrap">
                <LocalTime iso={e.occurredAt.toISOString()} />
              </Cell>
              <Cell>
                {e.actorId ? (
                  <Link href={queryHref({ actor: e.actorId })} className="text-brand-700 underline">
                    {e.actorEmail ?? e.actorId}
                  </Link>
                ) : (
                  "System"
                )}
                <span className="block text-xs text-muted">{e.actorRole}</span>
              </Cell>
              <Cell>
                <span className="font-medium">{AUDIT_ACTIONS[e.action as keyof typeof AUDIT_ACTIONS] ?? e.action}</span>
                <span className="block break-words text-xs text-muted">{detailText(e.details)}</span>
              </Cell>
              <Cell>
                <Link
                  href={queryHref({ targetType: e.targetType, targetId: e.targetId })}
                  className="break-all font-mono text-xs text-brand-700 underline"
                >
                  {e.targetType} {e.targetId}
                </Link>
              </Cell>
              <Cell className="text-xs text-muted">
                {e.ip ?? "—"}
                {e.userAgent ? (
                  <span className="block max-w-56 truncate" title={e.userAgent}>
                    {e.userAgent}
                  </span>
                ) : null}
                {e.requestId ? <span className="block font-mono">{e.requestId}</span> : null}
              </Cell>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={query.page} pageCount={pageCount} href={(p) => queryHref(query, p)} label="Audit log pages" />
    </div>
  );
}
