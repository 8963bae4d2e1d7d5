import Link from "next/link";

import { Cell, DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterBar, FilterInput, FilterSelect, FilterSubmit } from "@/components/ui/filter-bar";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePageUser } from "@/lib/auth/guards";
import { listEmailSuppressions } from "@/lib/mail/list-email-suppressions";
import {
  listUndeliveredNotifications,
  UNDELIVERED_STATUSES,
  type TUndeliveredQuery,
} from "@/lib/mail/list-undelivered-notifications";

import { liftSuppressionAction, resendNotificationAction } from "./actions";
import { DeliveryActionForm } from "./delivery-action-form";

export const metadata = { title: "Undelivered email" };

const STATUS_TEXT = {
  failed: "Failed (retries used up, or refused for good)",
  bounced: "Bounced (recipient rejected)",
  suppressed: "Suppressed (not attempted)",
} as const;

function queryHref(q: Partial<TUndeliveredQuery>, page?: number): string {
  const p = new URLSearchParams();
  if (q.status) p.set("status", q.status);
  if (q.to) p.set("to", q.to);
  if (page && page > 1) p.set("page", String(page));
  const s = p.toString();
  return s ? `/admin/notifications?${s}` : "/admin/notifications";
}

export default async function UndeliveredEmailPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  await requirePageUser("/admin/notifications", "admin");
  const [{ rows, total, counts, pageCount, query }, suppressions] = await Promise.all([
    listUndeliveredNotifications(await searchParams),
    listEmailSuppressions(),
  ]);
  return (
    <div className="space-y-8">
      <div>
        <PageHeader
          title="Undelivered email"
          description={`${counts.failed} failed, ${counts.bounced} bounced, ${counts.suppressed} suppressed. Emails the mail server would not take after every retry, or refused for good; resend one once its cause is fixed.`}
        />
        <FilterBar label="Filter undelivered email">
          <FilterSelect
            id="undelivered-status"
            name="status"
            label="Status"
            value={query.status}
            options={UNDELIVERED_STATUSES.map((s) => [s, STATUS_TEXT[s]] as const)}
          />
          <FilterInput
            id="undelivered-to"
            name="to"
            label="Recipient"
            defaultValue={query.to ?? ""}
            maxLength={254}
            wide
          />
          <FilterSubmit>Filter</FilterSubmit>
          <Link href="/admin/notifications" className="px-1 py-2 text-brand-700 underline">
            Clear
          </Link>
        </FilterBar>
        {rows.length === 0 ? (
          <EmptyState>No undelivered email{query.status || query.to ? " matches" : ""}.</EmptyState>
        ) : (
          <DataTable
            caption={`Undelivered email, newest first (${total})`}
            minWidth="md"
            columns={[
              { label: "Email" },
              { label: "Status" },
              { label: "Reason" },
              { label: "Attempts", align: "right" },
              { label: "Actions", hidden: true },
            ]}
          >
            {rows.map((n) => (
              <tr key={n.id} className="align-top" data-notification={n.id}>
                <Cell>
                  <span className="font-medium">{n.subject}</span>
                  <span className="block break-all text-xs text-muted">to {n.to}</span>
                  <span className="block text-xs text-muted">
                    {n.template} · queued <LocalTime iso={n.createdAt.toISOString()} />
                  </span>
                </Cell>
                <Cell nowrap>
                  <span className={n.status === "failed" ? "text-red-700" : "text-amber-800"}>{n.status}</span>
                </Cell>
                <Cell className="max-w-md break-words">
                  {n.reason ?? "—"}
                  {n.lastAttemptAt ? (
                    <span className="block text-xs text-muted">
                      last attempt <LocalTime iso={n.lastAttemptAt.toISOString()} />
                    </span>
                  ) : null}
                </Cell>
                <Cell align="right">{n.attempts}</Cell>
                <Cell>
                  {n.suppressed ? (
                    <span className="text-xs text-muted">Lift the suppression below to resend</span>
                  ) : (
                    <DeliveryActionForm
                      label={`Resend "${n.subject}" to ${n.to}`}
                      button="Resend"
                      pendingText="Queuing…"
                      action={resendNotificationAction.bind(null, n.id)}
                    />
                  )}
                </Cell>
              </tr>
            ))}
          </DataTable>
        )}
        <Pagination
          page={query.page}
          pageCount={pageCount}
          href={(p) => queryHref(query, p)}
          label="Undelivered email pages"
        />
      </div>

      <section aria-labelledby="suppressions-heading">
        <h2 id="suppressions-heading" className="mb-1 text-lg font-semibold">
          Suppressed addresses <span className="text-sm font-normal text-muted">({suppressions.total})</span>
        </h2>
        <p className="mb-3 text-sm text-muted">
          A mail server rejected these recipients for good, so nothing more is sent to them. Lift one once the address
          works again.
        </p>
        {suppressions.rows.length === 0 ? (
          <EmptyState>No address is suppressed.</EmptyState>
        ) : (
          <DataTable
            caption="Suppressed addresses, newest first"
            columns={[{ label: "Address" }, { label: "Why" }, { label: "Since" }, { label: "Actions", hidden: true }]}
          >
            {suppressions.rows.map((s) => (
              <tr key={s.address} className="align-top">
                <Cell className="break-all">{s.address}</Cell>
                <Cell className="max-w-md break-words">{s.reason}</Cell>
                <Cell nowrap>
                  <LocalTime iso={s.createdAt.toISOString()} />
                </Cell>
                <Cell>
                  <DeliveryActionForm
                    label={`Lift the suppression of ${s.address}`}
                    button="Lift"
                    pendingText="Lifting…"
                    action={liftSuppressionAction.bind(null, s.address)}
                  />
                </Cell>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}
