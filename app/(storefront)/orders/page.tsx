import Link from "next/link";

import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePageUser } from "@/lib/auth/guards";
import { formatMoney } from "@/lib/money/format-money";
import { listBuyerOrders } from "@/lib/orders/list-buyer-orders";

export const metadata = { title: "Your orders" };

export default async function OrdersPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requirePageUser("/orders");
  const page = Math.max(1, Math.min(10_000, Number((await searchParams).page) || 1));
  const { rows, total } = await listBuyerOrders({ buyerId: user.id, page });
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader title="Your orders" description={`${total} ${total === 1 ? "order" : "orders"}`} />
      {rows.length === 0 ? (
        <EmptyState>
          No orders yet.{" "}
          <Link href="/" className="text-brand-700 underline">
            Start shopping
          </Link>
          .
        </EmptyState>
      ) : (
        <ul className="space-y-3">
          {rows.map((o) => (
            <li key={o.id}>
              <Link
                href={`/orders/${o.id}`}
                className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-gray-200 bg-white p-4 hover:border-brand-500"
              >
                <div>
                  <p className="font-medium">{o.itemsLabel}</p>
                  <p className="text-sm text-muted">
                    from {o.counterpart} · {o.createdAt.toISOString().slice(0, 10)} · {o.itemCount}{" "}
                    {o.itemCount === 1 ? "item" : "items"}
                  </p>
                </div>
                <div className="flex items-center gap-3">
                  <OrderStatusBadge status={o.cancelledBy ? "cancelled" : o.status} />
                  <span className="font-semibold">{formatMoney(o.totalCents, o.currency)}</span>
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        page={page}
        pageCount={Math.ceil(total / 20)}
        href={(p) => `/orders?page=${p}`}
        previousLabel="Newer orders"
        nextLabel="Older orders"
      />
    </div>
  );
}
