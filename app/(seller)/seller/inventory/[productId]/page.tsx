import Link from "next/link";
import { notFound } from "next/navigation";

import { Cell, DataTable, type Column } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { StatCard } from "@/components/ui/stat-card";
import { requirePageSeller } from "@/lib/auth/guards";
import { isAppError } from "@/lib/errors/app-error";
import type { InventoryReason } from "@/lib/generated/prisma/enums";
import {
  listInventoryHistory,
  type InventoryHistory,
  type InventoryHistoryEntry,
} from "@/lib/inventory/list-inventory-history";

export const metadata = { title: "Stock history" };

const REASON_LABEL: Record<InventoryReason, string> = {
  initial: "Initial stock",
  manual: "Edited by hand",
  csv_import: "CSV import",
  order_reserved: "Order placed",
  order_released: "Order cancelled, stock returned",
  order_refunded: "Order refunded, stock returned",
  correction: "Correction",
};

const WHEN = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const COLUMNS: Column[] = [
  { label: "When (UTC)" },
  { label: "Who" },
  { label: "Why" },
  { label: "Change", align: "right" },
  { label: "Stock after", align: "right" },
  { label: "Note" },
];

function who(entry: InventoryHistoryEntry): string {
  if (entry.actor) return entry.actor.name ? `${entry.actor.name} (${entry.actor.email})` : entry.actor.email;
  return entry.orderId ? "Checkout" : "System";
}

export default async function InventoryHistoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ productId: string }>;
  searchParams: Promise<{ page?: string | string[] }>;
}) {
  const { productId } = await params;
  const seller = await requirePageSeller(`/seller/inventory/${encodeURIComponent(productId)}`);
  const { page } = await searchParams;
  let history: InventoryHistory;
  try {
    history = await listInventoryHistory({
      sellerId: seller.sellerId,
      productId,
      page: Number(Array.isArray(page) ? page[0] : page) || 1,
    });
  } catch (err) {
    if (isAppError(err) && err.status === 404) notFound();
    throw err;
  }
  const { product, entries } = history;
  const link = (p: number) => `/seller/inventory/${product.id}?page=${p}`;

  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href="/seller/inventory" className="font-medium text-brand-700 underline">
          ← Back to inventory
        </Link>
      </p>
      <PageHeader title={product.title} description="Stock history: every change, who made it and why." />

      <div className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-4">
        <StatCard
          label="In stock now"
          value={product.inventoryCount.toLocaleString("en-US")}
          hint={
            product.inventoryCount <= product.lowStockThreshold
              ? product.inventoryCount === 0
                ? "Out of stock"
                : "Low stock"
              : undefined
          }
        />
        <StatCard label="Low-stock alert at" value={product.lowStockThreshold.toLocaleString("en-US")} />
        <StatCard label="Changes recorded" value={history.total.toLocaleString("en-US")} />
      </div>

      {entries.length === 0 ? (
        <div className="rounded-lg border border-dashed border-gray-300 bg-white p-10 text-center">
          <p className="font-medium">No stock changes recorded yet.</p>
          <p className="mt-1 text-sm text-muted">Edits, imports and orders will appear here.</p>
        </div>
      ) : (
        <DataTable caption={`Stock changes for ${product.title}, newest first`} columns={COLUMNS} minWidth="md">
          {entries.map((e) => (
            <tr key={e.id} className="align-top">
              <Cell nowrap>
                <time dateTime={e.createdAt.toISOString()}>{WHEN.format(e.createdAt)}</time>
              </Cell>
              <Cell className="break-words">{who(e)}</Cell>
              <Cell>
                {REASON_LABEL[e.reason]}
                {e.orderId ? <span className="block text-xs text-muted">Order {e.orderId.slice(0, 8)}</span> : null}
              </Cell>
              <Cell
                align="right"
                nowrap
                className={`font-semibold tabular-nums ${e.delta > 0 ? "text-green-800" : "text-red-700"}`}
              >
                {e.delta > 0 ? `+${e.delta.toLocaleString("en-US")}` : `−${Math.abs(e.delta).toLocaleString("en-US")}`}
              </Cell>
              <Cell align="right" className="tabular-nums">
                {e.resultingCount.toLocaleString("en-US")}
              </Cell>
              <Cell className="max-w-xs break-words text-muted">{e.note ?? ""}</Cell>
            </tr>
          ))}
        </DataTable>
      )}

      <Pagination
        page={history.page}
        pageCount={history.pageCount}
        href={link}
        label="Stock history pages"
        previousLabel="Newer"
        nextLabel="Older"
      />
    </div>
  );
}
