import Link from "next/link";

import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { getPlatformOverview } from "@/lib/analytics/get-platform-overview";
import { requirePageUser } from "@/lib/auth/guards";
import { listMoneyAttention } from "@/lib/payments/list-money-attention";

export const metadata = { title: "Admin console" };

export default async function AdminHomePage() {
  await requirePageUser("/admin", "admin");
  const [o, money] = await Promise.all([getPlatformOverview(), listMoneyAttention()]);
  return (
    <div>
      <PageHeader title="Admin console" description="The platform at a glance." />
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-3">
        <StatCard label="Users" value={o.users.toLocaleString("en-US")} />
        <StatCard label="Sellers" value={o.sellers.toLocaleString("en-US")} />
        <StatCard label="Live listings" value={o.activeProducts.toLocaleString("en-US")} />
        <StatCard label="Listings awaiting review" value={o.pendingReview} />
        <StatCard label="Open moderation cases" value={o.openCases} />
        <StatCard label="Emails in the last 24 h" value={o.emailsToday} />
      </div>
      <p
        className={`mt-6 rounded-lg border p-4 text-sm ${money.total ? "border-amber-300 bg-amber-50" : "border-gray-200 bg-white"}`}
      >
        <Link href="/admin/money" className="font-semibold text-brand-700 underline">
          Money needing attention
        </Link>
        {": "}
        {money.total
          ? `${money.total} ${money.total === 1 ? "item" : "items"} (${money.sections
              .filter((s) => s.rows.length)
              .map((s) => `${s.rows.length} ${s.title.toLowerCase()}`)
              .join(", ")})`
          : "nothing waiting"}
      </p>
    </div>
  );
}
