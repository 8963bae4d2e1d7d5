import Link from "next/link";
import { notFound } from "next/navigation";

import { AskSeller } from "@/components/messages/ask-seller";
import { CancelOrderForm } from "@/components/orders/cancel-order-form";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { OrderTimeline } from "@/components/orders/order-timeline";
import { RefundSummary } from "@/components/orders/refund-summary";
import { OrderReturns } from "@/components/returns/order-returns";
import { OrderReviews } from "@/components/reviews/order-reviews";
import { PageHeader } from "@/components/ui/page-header";
import { formatAddress } from "@/lib/addresses/format-address";
import { actsAsAdmin, requirePageUser } from "@/lib/auth/guards";
import { CLAIM_KINDS } from "@/lib/claims/open-claim";
import { orderClaimWindow } from "@/lib/claims/order-claim-window";
import { isAppError } from "@/lib/errors/app-error";
import type { ReleaseBlockCode } from "@/lib/generated/prisma/enums";
import { formatMoney } from "@/lib/money/format-money";
import { autoConfirmAt } from "@/lib/orders/auto-confirm-at";
import { getOrderForViewer } from "@/lib/orders/get-order-for-viewer";
import { itemName } from "@/lib/orders/item-name";
import { DISPUTE_WINDOW_DAYS } from "@/lib/payments/open-dispute";
import { releaseBlockFix } from "@/lib/payments/release-block-fix";
import { waitsForSeller } from "@/lib/payments/waits-for-seller";
import { describeTax } from "@/lib/tax/describe-tax";

import { startConversationAction } from "../../messages/actions";
import { cancelOrderAction, confirmDeliveryAction, openClaimAction, openDisputeAction } from "./actions";
import { ClaimForm } from "./claim-form";
import { ConfirmDeliveryButton } from "./confirm-delivery-button";
import { DisputeForm } from "./dispute-form";
import { cancelReturnAction, escalateReturnAction, requestReturnAction } from "./return-actions";

const day = (d: Date) => d.toISOString().slice(0, 10);
const CANCEL_REASON: Record<string, string> = {
  out_of_stock: "out of stock",
  cannot_ship: "can't ship to this address",
  other: "other reason",
};
const daysLeft = (d: Date) => Math.max(0, Math.ceil((d.getTime() - Date.now()) / 86_400_000));

export const metadata = { title: "Order" };

/** Where the money of a delivered order is while its release waits, worded for who is looking. */
function parkedReleaseText(code: ReleaseBlockCode, viewer: "buyer" | "seller" | "admin", shop: string): string {
  const forAccount = waitsForSeller(code);
  if (viewer === "buyer") {
    return forAccount
      ? `Delivered. ${shop} is paid once they've connected their payout account; until then your payment stays held by the marketplace.`
      : `Delivered. The payment to ${shop} is being sent; a temporary problem delayed it and it is retried automatically.`;
  }
  return `Waiting to be paid to ${shop}: ${releaseBlockFix(code, viewer)}`;
}

export default async function OrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  const user = await requirePageUser(`/orders/${orderId}`);
  const order = await getOrderForViewer({
    orderId,
    userId: user.id,
    sellerId: user.sellerId,
    isAdmin: actsAsAdmin(user),
  }).catch((err) => {
    if (isAppError(err) && err.status === 404) notFound();
    throw err;
  });
  const address = order.shippingAddress as Parameters<typeof formatAddress>[0];
  const taxName = describeTax({
    taxCents: order.taxCents,
    inclusive: order.taxInclusive,
    label: order.taxLabel,
    rates: order.items.map((i) => i.taxRateBps),
  });
  const autoConfirm = autoConfirmAt(order);
  const disputeDeadline = order.deliveredAt
    ? new Date(order.deliveredAt.getTime() + DISPUTE_WINDOW_DAYS * 86_400_000)
    : null;
  const money =
    order.escrowStatus === "held" && order.releaseBlockedCode && order.status !== "disputed"
      ? parkedReleaseText(order.releaseBlockedCode, order.viewerIs, order.seller.shopName)
      : order.escrowStatus === "held"
        ? order.status === "disputed"
          ? "Held by the marketplace while the dispute is reviewed."
          : `Held by the marketplace until you confirm delivery${autoConfirm ? ` (released automatically in ${daysLeft(autoConfirm)} days, on ${day(autoConfirm)})` : ""}.`
        : order.escrowStatus === "released"
          ? `Paid to ${order.seller.shopName}${order.completedAt ? ` on ${day(order.completedAt)}` : ""}.`
          : order.escrowStatus === "refunded"
            ? "Refunded to you."
            : "Not paid yet.";
  const canCancel = order.viewerIs === "buyer" && (order.status === "pending" || order.status === "paid");
  const cancelledBy =
    order.cancelledBy === "seller"
      ? order.seller.shopName
      : order.cancelledBy === "buyer"
        ? order.viewerIs === "buyer"
          ? "you"
          : "the buyer"
        : null;
  const claimable =
    order.viewerIs === "buyer" && !order.claims.some((c) => c.status === "open") ? orderClaimWindow(order) : null;
  const canDispute =
    order.viewerIs === "buyer" &&
    (order.status === "shipped" || (order.status === "delivered" && disputeDeadline && disputeDeadline > new Date()));
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader
        title={`Order from ${order.seller.shopName}`}
        description={`Placed ${order.createdAt.toISOString().slice(0, 10)} · #${order.id.slice(0, 8)}`}
        actions={<OrderStatusBadge status={order.cancelledBy ? "cancelled" : order.status} />}
      />
      {order.viewerIs === "buyer" ? (
        <p className="text-sm">
          <Link href={`/shops/${order.seller.slug}`} className="font-medium text-brand-700 underline">
            Visit {order.seller.shopName}&apos;s shop
          </Link>
        </p>
      ) : null}
      {order.viewerIs === "buyer" ? (
        <AskSeller
          action={startConversationAction.bind(null, "order", order.id)}
          shopName={order.seller.shopName}
          signInHref={null}
        />
      ) : null}
      {order.status === "pending" ? (
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          Waiting for payment; items are held until {order.reservationExpiresAt.toISOString().slice(11, 16)} UTC.{" "}
          <Link href={`/checkout/${order.checkoutId}`} className="font-medium underline">
            Pay now
          </Link>
        </p>
      ) : null}
      {cancelledBy ? (
        <p className="rounded-md bg-gray-100 p-3 text-sm" role="note">
          Cancelled by {cancelledBy}
          {order.cancelledAt ? ` on ${day(order.cancelledAt)}` : ""}
          {order.cancellationReason && order.cancellationReason !== "buyer_request"
            ? ` (${CANCEL_REASON[order.cancellationReason] ?? order.cancellationReason}${order.cancellationNote ? `: ${order.cancellationNote}` : ""})`
            : ""}
          , before it shipped. {formatMoney(order.refundedCents, order.currency)}{" "}
          {order.viewerIs === "buyer" ? "was refunded to your card" : "was refunded to the buyer"}.
        </p>
      ) : null}
      {canCancel ? (
        <section aria-labelledby="cancel-heading" className="rounded-lg border border-gray-200 bg-white p-4">
          <h2 id="cancel-heading" className="mb-2 text-sm font-semibold">
            Changed your mind?
          </h2>
          <p className="mb-3 text-sm text-muted">
            You can cancel until the seller ships{order.status === "paid" ? "; you get your money back in full" : ""}.
          </p>
          <CancelOrderForm
            orderId={order.id}
            action={cancelOrderAction.bind(null, order.id)}
            refundLabel={formatMoney(order.totalCents - order.refundedCents, order.currency)}
          />
        </section>
      ) : null}
      {order.viewerIs === "buyer" && order.status === "shipped" ? (
        <div className="rounded-lg border border-brand-100 bg-brand-50 p-4">
          <p className="mb-3 text-sm">
            Shipped with {order.carrier}, tracking <span className="font-mono">{order.trackingNumber}</span>.{" "}
            {autoConfirm
              ? `If you don't confirm, delivery is confirmed automatically on ${autoConfirm.toISOString().slice(0, 10)}.`
              : ""}
          </p>
          <ConfirmDeliveryButton confirm={confirmDeliveryAction.bind(null, order.id)} />
        </div>
      ) : null}
      {order.viewerIs === "buyer" && (order.status === "delivered" || order.status === "completed") ? (
        <OrderReviews orderId={order.id} buyerId={user.id} />
      ) : null}
      <section aria-labelledby="money-heading" className="rounded-lg border border-gray-200 bg-white p-4 text-sm">
        <h2 id="money-heading" className="font-semibold">
          Where your money is
        </h2>
        <p className="mt-1">{money}</p>
        {disputeDeadline && order.status === "delivered" ? (
          <p className="mt-1 text-muted">
            You can open a dispute until {day(disputeDeadline)} ({daysLeft(disputeDeadline)} days left).
          </p>
        ) : null}
        <RefundSummary order={order} viewer={order.viewerIs} />
      </section>
      {canDispute ? <DisputeForm action={openDisputeAction.bind(null, order.id)} /> : null}
      {order.claims.length ? (
        <section aria-labelledby="claims-heading" className="rounded-lg border border-gray-200 bg-white p-4 text-sm">
          <h2 id="claims-heading" className="mb-2 font-semibold">
            Claims
          </h2>
          <ul className="space-y-2">
            {order.claims.map((c) => (
              <li key={c.id}>
                <span className="font-medium">{CLAIM_KINDS[c.kind]}</span> · opened {day(c.createdAt)} ·{" "}
                {c.status === "open"
                  ? "being reviewed by the marketplace"
                  : c.status === "refunded"
                    ? `refunded ${formatMoney(c.refundedCents ?? 0, order.currency)}`
                    : "not accepted"}
                {c.requestedCents ? (
                  <span className="text-muted"> · asked for {formatMoney(c.requestedCents, order.currency)}</span>
                ) : null}
                <span className="block text-muted">{c.description}</span>
                {c.decisionNote ? <span className="block">Decision: {c.decisionNote}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {claimable?.open ? (
        <ClaimForm
          action={openClaimAction.bind(null, order.id)}
          kinds={order.status === "shipped" ? { never_arrived: CLAIM_KINDS.never_arrived } : CLAIM_KINDS}
          until={day(claimable.until)}
          currency={order.currency}
        />
      ) : null}
      <OrderReturns
        orderId={order.id}
        viewer={{ userId: user.id, sellerId: user.sellerId, isAdmin: actsAsAdmin(user), is: order.viewerIs }}
        actions={{
          request: requestReturnAction.bind(null, order.id),
          cancel: (id) => cancelReturnAction.bind(null, order.id, id),
          escalate: (id) => escalateReturnAction.bind(null, order.id, id),
        }}
      />
      <div className="grid gap-6 md:grid-cols-[1fr_16rem]">
        <section aria-labelledby="items-heading" className="rounded-xl border border-gray-200 bg-white">
          <h2 id="items-heading" className="border-b border-gray-100 px-4 py-3 font-semibold">
            Items
          </h2>
          <ul className="divide-y divide-gray-100">
            {order.items.map((i) => (
              <li key={i.id} className="flex justify-between gap-3 px-4 py-3 text-sm">
                <span>
                  <Link href={`/products/${i.productId}`} className="hover:underline">
                    {itemName(i)}
                  </Link>{" "}
                  × {i.quantity}
                  {i.refundedQuantity ? (
                    <span className="ml-2 rounded bg-gray-100 px-1.5 py-0.5 text-xs text-gray-700">
                      {i.refundedQuantity === i.quantity ? "refunded" : `${i.refundedQuantity} refunded`}
                    </span>
                  ) : null}
                </span>
                <span>{formatMoney(i.unitPriceCents * i.quantity, i.currency)}</span>
              </li>
            ))}
          </ul>
          <p className="flex justify-between border-t border-gray-100 px-4 pt-3 text-sm">
            <span>Shipping</span>
            <span>{order.shippingCents === 0 ? "Free" : formatMoney(order.shippingCents, order.currency)}</span>
          </p>
          {taxName && !order.taxInclusive ? (
            <p className="flex justify-between px-4 pt-2 text-sm" data-testid="order-tax">
              <span>{taxName}</span>
              <span>{formatMoney(order.taxCents, order.currency)}</span>
            </p>
          ) : null}
          <p className="flex justify-between px-4 pt-3 font-semibold">
            <span>Total</span>
            <span>{formatMoney(order.totalCents, order.currency)}</span>
          </p>
          {taxName && order.taxInclusive ? (
            <p className="px-4 text-right text-sm text-muted" data-testid="order-tax">
              {taxName} {formatMoney(order.taxCents, order.currency)}
            </p>
          ) : null}
          {order.chargeCurrency && order.chargeTotalCents !== null && order.chargeCurrency !== order.currency ? (
            <p className="flex justify-between px-4 pt-2 text-sm" data-testid="order-charge">
              <span>
                Paid in {order.chargeCurrency} (1 {order.currency} ={" "}
                {Number(order.fxRate).toLocaleString(undefined, { maximumFractionDigits: 4 })} {order.chargeCurrency})
              </span>
              <span>{formatMoney(order.chargeTotalCents, order.chargeCurrency)}</span>
            </p>
          ) : null}
          <div className="pb-3" />
        </section>
        <aside className="space-y-4">
          <section aria-labelledby="ship-heading" className="rounded-xl border border-gray-200 bg-white p-4 text-sm">
            <h2 id="ship-heading" className="mb-1 font-semibold">
              Shipping to
            </h2>
            <p className="whitespace-pre-line text-muted">{formatAddress(address)}</p>
            {order.deliveryEarliest && order.deliveryLatest && !order.deliveredAt ? (
              <p className="mt-2">
                Estimated delivery: {day(order.deliveryEarliest)} – {day(order.deliveryLatest)}
              </p>
            ) : null}
            {order.trackingNumber ? (
              <p className="mt-2">
                Tracking: {order.carrier} <span className="font-mono">{order.trackingNumber}</span>
              </p>
            ) : null}
          </section>
        </aside>
      </div>
      <section aria-labelledby="history-heading" className="rounded-xl border border-gray-200 bg-white p-4">
        <h2 id="history-heading" className="mb-3 font-semibold">
          History
        </h2>
        <OrderTimeline steps={order.transitions} viewer={order.viewerIs} />
      </section>
    </div>
  );
}
