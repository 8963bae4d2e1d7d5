import Link from "next/link";

import { StatusBadge } from "@/components/seller/status-badge";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageSeller } from "@/lib/auth/guards";
import { listSellerListings } from "@/lib/catalog/list-seller-listings";
import { formatMoney } from "@/lib/money/format-money";

export const metadata = { title: "Your listings" };

export default async function SellerProductsPage({
  searchParams,
}: {
  searchParams: Promise<{ page?: string; deleted?: string }>;
}) {
  const seller = await requirePageSeller("/seller/products");
  const sp = await searchParams;
  const page = Math.max(1, Math.min(10_000, Number(sp.page) || 1));
  const { rows, total } = await listSellerListings({ sellerId: seller.sellerId, page });
  return (
    <div>
      <PageHeader
        title="Listings"
        description={`${total} listings`}
        actions={
          <Link href="/seller/products/new" className={buttonClass()}>
            New listing
          </Link>
        }
      />
      {sp.deleted ? (
        <div className="mb-4">
          <Alert tone="success">Listing deleted.</Alert>
        </div>
      ) : null}
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-gray-300 bg-white p-10 text-center text-muted">
          No listings yet.{" "}
          <Link href="/seller/products/new" className="text-brand-700 underline">
            Create your first one
          </Link>
          .
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white">
          <table className="min-w-full text-sm">
            <thead className="bg-gray-50 text-left text-xs uppercase text-muted">
              <tr>
                <th scope="col" className="px-4 py-3">
                  Listing
                </th>
                <th scope="col" className="px-4 py-3">
                  Status
                </th>
                <th scope="col" className="px-4 py-3">
                  Price
                </th>
                <th scope="col" className="px-4 py-3">
                  Stock
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className="px-4 py-3">
                    <Link href={`/seller/products/${r.id}`} className="font-medium text-brand-700 hover:underline">
                      {r.title}
                    </Link>
                    {r.statusReason || r.openCaseReasons.length ? (
                      <p className="mt-1 max-w-md text-xs text-muted">
                        {r.statusReason ?? r.openCaseReasons.join(" ")}
                      </p>
                    ) : null}
                  </td>
                  <td className="px-4 py-3">
                    <StatusBadge status={r.status} />
                  </td>
                  <td className="px-4 py-3">{formatMoney(r.priceCents, r.currency)}</td>
                  <td className="px-4 py-3">{r.inventoryCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {total > 25 ? (
        <nav aria-label="Pages" className="mt-4 flex gap-4 text-sm">
          {page > 1 ? <Link href={`/seller/products?page=${page - 1}`}>Previous</Link> : null}
          <span>
            Page {page} of {Math.ceil(total / 25)}
          </span>
          {page * 25 < total ? <Link href={`/seller/products?page=${page + 1}`}>Next</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
