import Link from "next/link";

import { Cell, DataTable } from "@/components/ui/data-table";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { AUDIT_ACTIONS } from "@/lib/audit/audit-actions";
import { listAuditEvents, type TAuditQuery } from "@/lib/audit/list-audit-events";
import { requirePageUser } from "@/lib/auth/guards";

export const metadata = { title: "Audit log" };

const FIELD = "rounded-md border border-gray-300 px-2 py-2";

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
      <form
        method="get"
        role="search"
        aria-label="Filter the audit log"
        className="mb-5 flex flex-wrap items-end gap-3 text-sm"
      >
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-actor" className="font-medium">
            Actor (account id)
          </label>
          <input
            id="audit-actor"
            name="actor"
            defaultValue={query.actor ?? ""}
            maxLength={36}
            className={`w-72 max-w-full ${FIELD}`}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-action" className="font-medium">
            Action
          </label>
          <select id="audit-action" name="action" defaultValue={query.action ?? ""} className={FIELD}>
            <option value="">Any</option>
            {Object.entries(AUDIT_ACTIONS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-target-type" className="font-medium">
            Target type
          </label>
          <select id="audit-target-type" name="targetType" defaultValue={query.targetType ?? ""} className={FIELD}>
            <option value="">Any</option>
            {["order", "product", "user", "seller", "claim", "dispute", "return", "review", "payout_run"].map((t) => (
              <option key={t} value={t}>
                {t.replace("_", " ")}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-target-id" className="font-medium">
            Target id
          </label>
          <input
            id="audit-target-id"
            name="targetId"
            defaultValue={query.targetId ?? ""}
            maxLength={100}
            className={`w-72 max-w-full ${FIELD}`}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-from" className="font-medium">
            From (UTC day)
          </label>
          <input id="audit-from" name="from" type="date" defaultValue={query.from ?? ""} className={FIELD} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-to" className="font-medium">
            To (UTC day)
          </label>
          <input id="audit-to" name="to" type="date" defaultValue={query.to ?? ""} className={FIELD} />
        </div>
        <button type="submit" className="rounded-md border border-gray-300 bg-white px-3 py-2 font-medium">
          Filter
        </button>
        <Link href="/admin/audit" className="px-1 py-2 text-brand-700 underline">
          Clear
        </Link>
      </form>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-gray-300 bg-white p-10 text-center text-muted">
          No events match.
        </p>
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
