import Link from "next/link";
import { notFound } from "next/navigation";

import { PageHeader } from "@/components/ui/page-header";
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
const TH = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-muted";

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
        <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white shadow-sm">
          <table className="w-full min-w-[760px] divide-y divide-gray-200 text-sm">
            <caption className="sr-only">Stock changes for {product.title}, newest first</caption>
            <thead className="bg-gray-50">
              <tr>
                <th scope="col" className={TH}>
                  When (UTC)
                </th>
                <th scope="col" className={TH}>
                  Who
                </th>
                <th scope="col" className={TH}>
                  Why
                </th>
                <th scope="col" className={`${TH} text-right`}>
                  Change
                </th>
                <th scope="col" className={`${TH} text-right`}>
                  Stock after
                </th>
                <th scope="col" className={TH}>
                  Note
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {entries.map((e) => (
                <tr key={e.id} className="align-top">
                  <td className="whitespace-nowrap px-3 py-2">
                    <time dateTime={e.createdAt.toISOString()}>{WHEN.format(e.createdAt)}</time>
                  </td>
                  <td className="px-3 py-2 break-words">{who(e)}</td>
                  <td className="px-3 py-2">
                    {REASON_LABEL[e.reason]}
                    {e.orderId ? <span className="block text-xs text-muted">Order {e.orderId.slice(0, 8)}</span> : null}
                  </td>
                  <td
                    className={`whitespace-nowrap px-3 py-2 text-right font-semibold tabular-nums ${e.delta > 0 ? "text-green-800" : "text-red-700"}`}
                  >
                    {e.delta > 0
                      ? `+${e.delta.toLocaleString("en-US")}`
                      : `−${Math.abs(e.delta).toLocaleString("en-US")}`}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{e.resultingCount.toLocaleString("en-US")}</td>
                  <td className="max-w-xs px-3 py-2 break-words text-muted">{e.note ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {history.pageCount > 1 ? (
        <nav aria-label="Pages" className="mt-6 flex items-center justify-center gap-4 text-sm">
          {history.page > 1 ? (
            <Link href={link(history.page - 1)} className="rounded-md border border-gray-300 bg-white px-3 py-1.5">
              Newer
            </Link>
          ) : null}
          <span>
            Page {history.page} of {history.pageCount}
          </span>
          {history.page < history.pageCount ? (
            <Link href={link(history.page + 1)} className="rounded-md border border-gray-300 bg-white px-3 py-1.5">
              Older
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
