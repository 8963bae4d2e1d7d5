import Link from "next/link";

import { StatusBadge } from "@/components/seller/status-badge";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Cell, DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePageSeller } from "@/lib/auth/guards";
import { listSellerListings } from "@/lib/catalog/list-seller-listings";
import { countSellerFavourites } from "@/lib/favourites/count-seller-favourites";
import { formatMoney } from "@/lib/money/format-money";

import { ListingStatusWatcher } from "./[productId]/listing-status-watcher";

export const metadata = { title: "Your listings" };

const COLUMNS: Column[] = [
  { label: "Listing" },
  { label: "Status" },
  { label: "Price" },
  { label: "Stock" },
  { label: "Favourites" },
];

export default async function SellerProductsPage({
  searchParams,
}: {
  searchParams: Promise<{ page?: string; deleted?: string }>;
}) {
  const seller = await requirePageSeller("/seller/products");
  const sp = await searchParams;
  const page = Math.max(1, Math.min(10_000, Number(sp.page) || 1));
  const { rows, total } = await listSellerListings({ sellerId: seller.sellerId, page });
  const favourites = await countSellerFavourites({ sellerId: seller.sellerId, productIds: rows.map((r) => r.id) });
  return (
    <div>
      <ListingStatusWatcher sellerId={seller.sellerId} listings={rows.map((r) => ({ id: r.id, status: r.status }))} />
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
        <EmptyState>
          No listings yet.{" "}
          <Link href="/seller/products/new" className="text-brand-700 underline">
            Create your first one
          </Link>
          .
        </EmptyState>
      ) : (
        <DataTable caption="Your listings" columns={COLUMNS}>
          {rows.map((r) => (
            <tr key={r.id}>
              <Cell>
                <Link href={`/seller/products/${r.id}`} className="font-medium text-brand-700 hover:underline">
                  {r.title}
                </Link>
                {r.statusReason || r.openCaseReasons.length ? (
                  <p className="mt-1 max-w-md text-xs text-muted">{r.statusReason ?? r.openCaseReasons.join(" ")}</p>
                ) : null}
              </Cell>
              <Cell>
                <StatusBadge status={r.status} />
              </Cell>
              <Cell>{formatMoney(r.priceCents, r.currency)}</Cell>
              <Cell>{r.inventoryCount}</Cell>
              <Cell>{favourites.byProduct.get(r.id) ?? 0}</Cell>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={page} pageCount={Math.ceil(total / 25)} href={(p) => `/seller/products?page=${p}`} />
    </div>
  );
}
