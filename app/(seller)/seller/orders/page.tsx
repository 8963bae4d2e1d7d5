import Link from "next/link";

import { CancelOrderForm } from "@/components/orders/cancel-order-form";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { BuyerRatingPanel } from "@/components/reviews/buyer-rating-panel";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageSeller } from "@/lib/auth/guards";
import { heldOrderIds } from "@/lib/fraud/order-hold";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { formatMoney } from "@/lib/money/format-money";
import { listSellerOrders } from "@/lib/orders/list-seller-orders";
import { SELLER_CANCEL_REASONS } from "@/lib/payments/cancel-order";
import { listOrderBuyerRatings } from "@/lib/reviews/buyer-ratings/list-order-buyer-ratings";

import { cancelOrderAction, shipOrderAction } from "./actions";
import { ShipForm } from "./ship-form";

export const metadata = { title: "Orders to fulfil" };

const FILTERS: { value: string; label: string; statuses?: OrderStatus[] }[] = [
  { value: "to-ship", label: "To ship", statuses: ["paid"] },
  { value: "shipped", label: "Shipped", statuses: ["shipped"] },
  { value: "done", label: "Delivered & completed", statuses: ["delivered", "completed"] },
  { value: "problems", label: "Disputed & refunded", statuses: ["disputed", "refunded"] },
  { value: "all", label: "All" },
];

export default async function SellerOrdersPage({
  searchParams,
}: {
  searchParams: Promise<{ filter?: string; page?: string }>;
}) {
  const seller = await requirePageSeller("/seller/orders");
  const sp = await searchParams;
  const filter = FILTERS.find((f) => f.value === sp.filter) ?? FILTERS[0];
  const page = Math.max(1, Math.min(10_000, Number(sp.page) || 1));
  const { rows, total } = await listSellerOrders({
    sellerId: seller.sellerId,
    status: filter.statuses ? { in: filter.statuses } : undefined,
    page,
  });
  const [buyerRatings, held] = await Promise.all([
    listOrderBuyerRatings({ sellerId: seller.sellerId, orderIds: rows.map((o) => o.id) }),
    heldOrderIds(rows.filter((o) => o.status === "paid").map((o) => o.id)),
  ]);
  return (
    <div>
      <PageHeader title="Orders" description={`${total} ${filter.label.toLowerCase()}`} />
      <nav aria-label="Filter orders" className="mb-4 flex flex-wrap gap-2">
        {FILTERS.map((f) => (
          <Link
            key={f.value}
            href={`/seller/orders?filter=${f.value}`}
            aria-current={f.value === filter.value ? "page" : undefined}
            className={`rounded-full border px-3 py-1.5 text-sm ${f.value === filter.value ? "border-brand-600 bg-brand-50 font-semibold text-brand-700" : "border-gray-300 bg-white"}`}
          >
            {f.label}
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        <EmptyState>No orders here.</EmptyState>
      ) : (
        <ul className="space-y-3">
          {rows.map((o) => (
            <li key={o.id} className="rounded-lg border border-gray-200 bg-white p-4">
              <div className="flex flex-wrap items-center justify-between gap-3">
                <div>
                  <Link href={`/seller/orders/${o.id}`} className="font-medium text-brand-700 hover:underline">
                    {o.itemsLabel}
                  </Link>
                  <p className="text-sm text-muted">
                    for {o.counterpart} · {o.createdAt.toISOString().slice(0, 10)} · #{o.id.slice(0, 8)} · {o.itemCount}{" "}
                    {o.itemCount === 1 ? "item" : "items"}
                  </p>
                  {o.status === "paid" ? <p className="text-sm">Ship to {o.shipTo}</p> : null}
                </div>
                <div className="flex items-center gap-3">
                  <OrderStatusBadge status={o.cancelledBy ? "cancelled" : o.status} />
                  <span className="font-semibold">{formatMoney(o.totalCents, o.currency)}</span>
                </div>
              </div>
              {o.status === "paid" && held.has(o.id) ? (
                <p className="mt-3 rounded-md bg-amber-50 p-3 text-sm text-amber-900" role="note">
                  <span className="font-semibold">On hold: don&apos;t ship yet.</span> We&apos;re reviewing this payment
                  and will email you when it&apos;s cleared.
                </p>
              ) : null}
              {o.status === "paid" && !held.has(o.id) ? (
                <div className="mt-3">
                  <ShipForm orderId={o.id} action={shipOrderAction.bind(null, o.id)} />
                </div>
              ) : null}
              {o.status === "paid" ? (
                <div className="mt-3">
                  <CancelOrderForm
                    orderId={o.id}
                    action={cancelOrderAction.bind(null, o.id)}
                    refundLabel={formatMoney(o.totalCents - o.refundedCents, o.currency)}
                    reasons={SELLER_CANCEL_REASONS}
                  />
                </div>
              ) : null}
              {o.refundedCents > 0 && o.refundedCents < o.totalCents ? (
                <p className="mt-2 text-sm text-muted">
                  Partly refunded: {formatMoney(o.refundedCents, o.currency)} of {formatMoney(o.totalCents, o.currency)}
                </p>
              ) : null}
              {o.cancelledBy ? (
                <p className="mt-2 text-sm text-muted">
                  Cancelled by {o.cancelledBy === "seller" ? "you" : "the buyer"} before shipping; refunded in full.
                </p>
              ) : null}
              {buyerRatings[o.id] ? (
                <div className="mt-3 border-t border-gray-100 pt-3">
                  <BuyerRatingPanel rating={buyerRatings[o.id]} />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
