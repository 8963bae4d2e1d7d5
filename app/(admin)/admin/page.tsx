import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { getPlatformOverview } from "@/lib/admin/get-platform-overview";
import { requirePageUser } from "@/lib/auth/guards";

export const metadata = { title: "Admin console" };

export default async function AdminHomePage() {
  await requirePageUser("/admin", "admin");
  const o = await getPlatformOverview();
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
    </div>
  );
}
