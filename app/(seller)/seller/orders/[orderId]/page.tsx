import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";

import { CancelOrderForm } from "@/components/orders/cancel-order-form";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { PageHeader } from "@/components/ui/page-header";
import { formatAddress } from "@/lib/addresses/format-address";
import { viewerLocale } from "@/lib/analytics/report/viewer-locale";
import { requirePageSeller } from "@/lib/auth/guards";
import { isAppError } from "@/lib/errors/app-error";
import { heldOrderIds } from "@/lib/fraud/order-hold";
import { formatMoney } from "@/lib/money/format-money";
import { countOrderUnits } from "@/lib/orders/describe-order-items";
import { getSellerOrder } from "@/lib/orders/get-seller-order";
import { SELLER_CANCEL_REASONS } from "@/lib/payments/cancel-order";

import { cancelOrderAction, shipOrderAction } from "../actions";
import { ShipForm } from "../ship-form";

export const metadata = { title: "Order" };

export default async function SellerOrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  const seller = await requirePageSeller(`/seller/orders/${orderId}`);
  // The seller's own orders only, in the query: another shop's order is "not found".
  const order = await getSellerOrder({ orderId, sellerId: seller.sellerId }).catch((err: unknown) => {
    if (isAppError(err) && err.status === 404) notFound();
    throw err;
  });
  const locale = viewerLocale((await headers()).get("accept-language"));
  const money = (cents: number) => formatMoney(cents, order.currency, locale);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
  const held = order.status === "paid" && (await heldOrderIds([order.id])).has(order.id);
  const address = order.shippingAddress as Parameters<typeof formatAddress>[0];
  const units = countOrderUnits(order.items);
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader
        title={`Order #${order.id.slice(0, 8)}`}
        description={`Placed ${date.format(order.createdAt)} by ${order.buyer.name ?? order.buyer.email} · ${units} ${units === 1 ? "item" : "items"}`}
      />
      <div className="flex flex-wrap items-center gap-3">
        <OrderStatusBadge status={order.cancelledBy ? "cancelled" : order.status} />
        <Link
          href={`/seller/orders/${order.id}/packing-slip`}
          className="rounded-md border border-gray-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-gray-50"
        >
          Packing slip
        </Link>
        <Link href="/seller/orders" className="text-sm text-brand-700 underline">
          All orders
        </Link>
      </div>

      <div className="grid gap-4 sm:grid-cols-2">
        <section aria-labelledby="ship-to" className="rounded-lg border border-gray-200 bg-white p-4 text-sm">
          <h2 id="ship-to" className="mb-2 font-semibold">
            Ship to
          </h2>
          <p className="whitespace-pre-line">{formatAddress(address)}</p>
          {order.deliveryLatest ? (
            <p className="mt-2 text-muted">Promised by {date.format(order.deliveryLatest)}</p>
          ) : null}
        </section>
        <section aria-labelledby="shipment" className="rounded-lg border border-gray-200 bg-white p-4 text-sm">
          <h2 id="shipment" className="mb-2 font-semibold">
            Shipment
          </h2>
          {order.trackingNumber ? (
            <p>
              {order.carrier} {order.trackingNumber}
              {order.shippedAt ? ` · shipped ${date.format(order.shippedAt)}` : ""}
            </p>
          ) : held ? (
            <p className="rounded-md bg-amber-50 p-3 text-amber-900" role="note">
              <span className="font-semibold">On hold: don&apos;t ship yet.</span> We&apos;re reviewing this payment and
              will email you when it&apos;s cleared.
            </p>
          ) : order.status === "paid" ? (
            <ShipForm orderId={order.id} action={shipOrderAction.bind(null, order.id)} />
          ) : (
            <p className="text-muted">Not shipped.</p>
          )}
        </section>
      </div>

      <section aria-labelledby="items" className="rounded-lg border border-gray-200 bg-white">
        <h2 id="items" className="border-b border-gray-100 px-4 py-3 font-semibold">
          Items
        </h2>
        <ul className="divide-y divide-gray-100 text-sm">
          {order.items.map((i) => (
            <li key={i.id} className="flex justify-between gap-3 px-4 py-2">
              <span>
                {i.quantity} × {i.titleSnapshot}
                {i.refundedQuantity > 0 ? <span className="text-muted"> ({i.refundedQuantity} refunded)</span> : null}
              </span>
              <span>{money(i.unitPriceCents * i.quantity)}</span>
            </li>
          ))}
        </ul>
        <dl className="space-y-1 border-t border-gray-100 px-4 py-3 text-sm">
          <div className="flex justify-between">
            <dt>Shipping</dt>
            <dd>{order.shippingCents === 0 ? "Free" : money(order.shippingCents)}</dd>
          </div>
          <div className="flex justify-between font-semibold">
            <dt>Total</dt>
            <dd>{money(order.totalCents)}</dd>
          </div>
        </dl>
      </section>

      {order.status === "paid" ? (
        <CancelOrderForm
          orderId={order.id}
          action={cancelOrderAction.bind(null, order.id)}
          refundLabel={money(order.totalCents - order.refundedCents)}
          reasons={SELLER_CANCEL_REASONS}
        />
      ) : null}
    </div>
  );
}
