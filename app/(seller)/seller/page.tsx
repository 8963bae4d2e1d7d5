import Link from "next/link";

import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { getSellerOverview } from "@/lib/analytics/get-seller-overview";
import { requirePageSeller } from "@/lib/auth/guards";
import { countSellerFavourites } from "@/lib/favourites/count-seller-favourites";

export const metadata = { title: "Seller dashboard" };

export default async function SellerHomePage({ searchParams }: { searchParams: Promise<{ welcome?: string }> }) {
  const seller = await requirePageSeller("/seller");
  const { welcome } = await searchParams;
  const [overview, favourites] = await Promise.all([
    getSellerOverview(seller.sellerId),
    countSellerFavourites({ sellerId: seller.sellerId }),
  ]);
  const count = (s: string) => overview.productsByStatus[s] ?? 0;
  return (
    <div>
      <PageHeader title={overview.shopName} />
      <p className="-mt-4 mb-6 text-sm text-muted">
        Your shop at{" "}
        <Link href={`/shops/${overview.slug}`} className="font-medium text-brand-700 underline">
          /shops/{overview.slug}
        </Link>{" "}
        ·{" "}
        <Link href="/seller/shop" className="underline">
          edit its page
        </Link>
      </p>
      {welcome ? (
        <div className="mb-4">
          <Alert tone="success">Your shop is open. Next: connect payouts and list your first product.</Alert>
        </div>
      ) : null}
      {!overview.payoutsEnabled ? (
        <div className="mb-4">
          <Alert tone="info">
            Payouts are not connected yet. Buyers can buy from you, but your money waits in escrow until you{" "}
            <Link href="/seller/payments" className="font-medium underline">
              connect payouts
            </Link>
            .
          </Alert>
        </div>
      ) : null}
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <StatCard label="Live listings" value={count("active")} />
        <StatCard label="Awaiting review" value={count("pending_review")} />
        <StatCard label="Drafts" value={count("draft")} />
        <StatCard label="Low stock" value={overview.lowStock} hint="Live listings at or below their threshold" />
      </div>
      <div className="mt-4 grid grid-cols-2 gap-4 lg:grid-cols-4">
        <StatCard
          label="Shop rating"
          value={overview.ratingCount ? overview.ratingAvg.toFixed(1) : "—"}
          hint={`${overview.ratingCount} ratings`}
        />
        <StatCard label="Suspended" value={count("suspended")} />
        <StatCard
          label="Favourites"
          value={favourites.total}
          hint="Times buyers saved your listings; they hear of restocks and price drops"
        />
        <StatCard
          label="Cancelled by you"
          value={`${overview.cancellations.ratePercent}%`}
          hint={`${overview.cancellations.bySeller} of ${overview.cancellations.paidOrders} paid orders`}
        />
      </div>
    </div>
  );
}
