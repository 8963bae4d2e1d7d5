import { headers } from "next/headers";
import Link from "next/link";

import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { viewerLocale } from "@/lib/analytics/report/viewer-locale";
import { requirePageUser } from "@/lib/auth/guards";
import { listAccountClusters, type LinkKind } from "@/lib/fraud/linking/list-account-clusters";

export const metadata = { title: "Account links" };

const KIND_WORDS: Record<LinkKind, [string, string]> = {
  device: ["device", "devices"],
  card: ["card", "cards"],
  address: ["street address", "street addresses"],
  ip: ["IP address", "IP addresses"],
};

export default async function AccountLinksPage() {
  await requirePageUser("/admin/fraud/links", "admin");
  const locale = viewerLocale((await headers()).get("accept-language"));
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
  const clusters = await listAccountClusters();
  return (
    <div>
      <PageHeader
        title="Account links"
        description="Accounts that shared a device, card, street address or IP address in the last 90 days, grouped into clusters. An IP address seen for more than 10 accounts is a shared network and links nobody. Clusters with a suspended account come first: a new account joining one is a strong fraud signal."
      />
      {clusters.length === 0 ? <EmptyState>No accounts share a device, card, address or IP address.</EmptyState> : null}
      <ul className="space-y-4">
        {clusters.map((c) => (
          <li
            key={c.accounts.map((a) => a.id).join()}
            className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm"
          >
            <p className="font-semibold">
              {c.accounts.length} accounts sharing{" "}
              {c.links.map((l) => `${l.count} ${KIND_WORDS[l.kind][l.count === 1 ? 0 : 1]}`).join(", ")}
            </p>
            <p className="text-sm text-muted">Last seen {date.format(c.lastSeen)}</p>
            {c.hasSuspended ? (
              <p className="mt-1 text-sm font-semibold text-red-800">Includes a suspended account.</p>
            ) : null}
            <ul className="mt-2 space-y-1 text-sm">
              {c.accounts.map((a) => (
                <li key={a.id} className="flex flex-wrap gap-x-2">
                  <Link href={`/admin/users?q=${encodeURIComponent(a.email)}`} className="text-brand-700 underline">
                    {a.email}
                  </Link>
                  <span className="text-muted">
                    joined {date.format(a.createdAt)}
                    {a.suspended ? " · suspended" : ""}
                  </span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
