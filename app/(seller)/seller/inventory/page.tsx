import Link from "next/link";

import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { SortSelect } from "@/components/ui/sort-select";
import { requirePageSeller } from "@/lib/auth/guards";
import type { ProductStatus } from "@/lib/generated/prisma/enums";
import { listSellerStock, ZStockQuery, type TStockQuery } from "@/lib/inventory/list-seller-stock";
import { MAX_STOCK_CSV_BYTES, MAX_STOCK_CSV_ROWS } from "@/lib/inventory/parse-stock-csv";

import { ImportStockForm } from "./import-stock-form";
import { StockRow } from "./stock-row";

export const metadata = { title: "Inventory" };

const STATUS_LABEL: Record<ProductStatus, string> = {
  draft: "Draft",
  pending_review: "Awaiting review",
  active: "Live",
  rejected: "Rejected",
  suspended: "Suspended",
  archived: "Archived",
};

const SORTS: { value: TStockQuery["sort"]; label: string }[] = [
  { value: "title", label: "Title (A–Z)" },
  { value: "count_asc", label: "Stock: lowest first" },
  { value: "count_desc", label: "Stock: highest first" },
];

const COLUMNS = [
  { label: "Product" },
  { label: "Stock status" },
  { label: "In stock" },
  { label: "Low-stock alert at" },
  { label: "Save changes", hidden: true },
  { label: "History", hidden: true },
];

export default async function InventoryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const seller = await requirePageSeller("/seller/inventory");
  const raw = await searchParams;
  const query = ZStockQuery.parse(
    Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])),
  );
  const result = await listSellerStock({ sellerId: seller.sellerId, ...query });
  const filtered = Boolean(query.q) || query.lowOnly;
  const link = (page: number) =>
    `/seller/inventory?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), ...(query.lowOnly ? { lowOnly: "1" } : {}), sort: query.sort, page: String(page) })}`;

  return (
    <div>
      <PageHeader
        title="Inventory"
        description="Set stock for your listings. Every change is kept in the product's history."
        actions={
          // A plain link: the export is a file download, not a page.
          <a href="/seller/inventory/export" download className={buttonClass("secondary")}>
            Export CSV
          </a>
        }
      />

      <section
        aria-labelledby="import-heading"
        className="mb-8 rounded-lg border border-gray-200 bg-white p-4 shadow-sm"
      >
        <h2 id="import-heading" className="mb-1 text-base font-semibold">
          Import stock from a CSV
        </h2>
        <p className="mb-3 text-sm text-muted">
          Export your stock, edit the counts in a spreadsheet, then import the file here.
        </p>
        <ImportStockForm maxBytes={MAX_STOCK_CSV_BYTES} maxRows={MAX_STOCK_CSV_ROWS} />
      </section>

      <form
        method="get"
        role="search"
        aria-label="Filter products"
        className="mb-4 flex flex-wrap items-end gap-3 text-sm"
      >
        <div className="flex flex-col gap-1">
          <label htmlFor="stock-q" className="font-medium">
            Search products
          </label>
          <input
            id="stock-q"
            name="q"
            type="search"
            defaultValue={query.q ?? ""}
            maxLength={200}
            placeholder="Title contains…"
            className="w-64 max-w-full rounded-md border border-gray-300 px-3 py-2 shadow-sm"
          />
        </div>
        <SortSelect
          id="stock-sort"
          value={query.sort}
          options={SORTS}
          className="rounded-md border border-gray-300 bg-white px-2 py-2"
        />
        <div className="flex items-center gap-2 py-2">
          <input
            id="stock-low"
            name="lowOnly"
            type="checkbox"
            value="1"
            defaultChecked={query.lowOnly}
            className="h-4 w-4"
          />
          <label htmlFor="stock-low" className="font-medium">
            Low stock only
          </label>
        </div>
        <button type="submit" className={buttonClass("secondary")}>
          Apply
        </button>
        {filtered ? (
          <Link href="/seller/inventory" className="py-2 font-medium text-brand-700 underline">
            Clear filters
          </Link>
        ) : null}
      </form>

      <p className="mb-2 text-sm text-muted" aria-live="polite">
        {result.total.toLocaleString("en-US")} {result.total === 1 ? "product" : "products"}
        {query.lowOnly ? " at or below their low-stock level" : ""}
        {query.q ? ` matching “${query.q}”` : ""}
      </p>

      {result.items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-gray-300 bg-white p-10 text-center">
          <p className="font-medium">
            {result.total > 0 ? "This page is empty." : filtered ? "No products match." : "You have no products yet."}
          </p>
          <p className="mt-1 text-sm text-muted">
            {result.total > 0 || filtered ? (
              <Link href={result.total > 0 ? link(1) : "/seller/inventory"} className="text-brand-700 underline">
                {result.total > 0 ? "Go to the first page" : "Show all products"}
              </Link>
            ) : (
              "Products you list will appear here with their stock."
            )}
          </p>
        </div>
      ) : (
        <DataTable
          caption={`Stock for your products${result.pageCount > 1 ? `, page ${result.page} of ${result.pageCount}` : ""}`}
          columns={COLUMNS}
          minWidth="md"
        >
          {result.items.map((p) => (
            <StockRow
              key={p.id}
              product={{
                id: p.id,
                title: p.title,
                statusLabel: STATUS_LABEL[p.status],
                inventoryCount: p.inventoryCount,
                lowStockThreshold: p.lowStockThreshold,
                low: p.low,
              }}
            />
          ))}
        </DataTable>
      )}

      <Pagination page={result.page} pageCount={result.pageCount} href={link} />
    </div>
  );
}
