import Link from "next/link";
import { notFound } from "next/navigation";

import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { OrderTaxNote } from "@/components/orders/order-tax-note";
import { RecommendationBlocks } from "@/components/recommendations/recommendation-blocks";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/guards";
import { isAppError } from "@/lib/errors/app-error";
import { formatMoney } from "@/lib/money/format-money";
import { AUTO_CONFIRM_DAYS } from "@/lib/orders/auto-confirm-at";
import { getCheckoutSummary } from "@/lib/orders/get-checkout-summary";
import { itemName } from "@/lib/orders/item-name";
import { getCheckoutPaymentState } from "@/lib/payments/get-checkout-payment-state";
import { DISPUTE_WINDOW_DAYS } from "@/lib/payments/open-dispute";

import { PaymentProgress } from "./payment-progress";

export const metadata = { title: "Order confirmation" };

const TIME = new Intl.DateTimeFormat("en-US", { timeStyle: "short", timeZone: "UTC" });

const HEADINGS = {
  paid: [
    "Thank you, your order is placed",
    "Your payment is confirmed and held safely by the marketplace until you confirm each delivery.",
  ],
  confirming: [
    "Thank you, we're confirming your payment",
    "Your orders are placed; they are marked paid as soon as the payment is confirmed.",
  ],
  failed: ["Your payment didn't go through", "Nothing was charged for these orders."],
  unpaid: ["These orders are not paid yet", "Pay to confirm them; the items are reserved for a short while."],
  expired: ["This checkout expired", "It wasn't paid in time, so its items were released and nothing was charged."],
} as const;

export default async function CheckoutCompletePage({ params }: { params: Promise<{ checkoutId: string }> }) {
  const { checkoutId } = await params;
  const user = await requirePageUser(`/checkout/${checkoutId}/complete`);
  const notFoundOn404 = (err: unknown): never => {
    if (isAppError(err) && err.status === 404) notFound();
    throw err;
  };
  const [checkout, payment] = await Promise.all([
    getCheckoutSummary({ checkoutId, buyerId: user.id }).catch(notFoundOn404),
    getCheckoutPaymentState({ checkoutId, buyerId: user.id }).catch(notFoundOn404),
  ]);
  const [title, description] = HEADINGS[payment.state];
  const money = (cents: number) => formatMoney(cents, checkout.currency);
  const placed = payment.state === "paid" || payment.state === "confirming";
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader title={title} description={description} />
      <PaymentProgress
        checkoutId={checkout.id}
        seen={{ status: checkout.status, paymentStatus: checkout.payments[0]?.status ?? null }}
        waiting={payment.state === "confirming"}
      />
      {payment.state === "failed" ? (
        <Alert>
          {payment.message} Your items are reserved until {TIME.format(checkout.expiresAt)} UTC.{" "}
          <Link href={`/checkout/${checkout.id}`} className="font-medium underline">
            Try again or use another card
          </Link>
        </Alert>
      ) : null}
      {payment.state === "unpaid" ? (
        <p className="text-sm">
          <Link href={`/checkout/${checkout.id}`} className="font-medium text-brand-700 underline">
            Pay {money(checkout.totalCents)}
          </Link>{" "}
          before {TIME.format(checkout.expiresAt)} UTC.
        </p>
      ) : null}
      {payment.state === "expired" ? (
        <p className="text-sm">
          <Link href="/cart" className="font-medium text-brand-700 underline">
            Return to your cart
          </Link>
        </p>
      ) : null}

      <section aria-labelledby="orders-heading" className="rounded-xl border border-gray-200 bg-white">
        <h2 id="orders-heading" className="border-b border-gray-100 px-4 py-3 font-semibold">
          {checkout.orders.length === 1 ? "Your order" : `Your ${checkout.orders.length} orders, one per shop`}
        </h2>
        <ul className="divide-y divide-gray-100">
          {checkout.orders.map((o) => (
            <li key={o.id} className="space-y-1 px-4 py-3 text-sm">
              <p className="flex flex-wrap items-center justify-between gap-2">
                <span>
                  <span className="font-medium">{o.seller.shopName}</span> · order{" "}
                  <Link href={`/orders/${o.id}`} className="font-mono text-brand-700 underline">
                    #{o.id.slice(0, 8)}
                  </Link>
                </span>
                <span className="flex items-center gap-2">
                  {payment.state === "confirming" && o.status === "pending" ? (
                    <span className="inline-block rounded-full bg-blue-50 px-2.5 py-0.5 text-xs font-semibold text-blue-900">
                      Confirming payment
                    </span>
                  ) : (
                    <OrderStatusBadge status={o.status} />
                  )}
                  <span className="font-semibold">{money(o.chargeTotalCents ?? o.totalCents)}</span>
                </span>
              </p>
              <p className="text-muted">{o.items.map((i) => `${i.quantity} × ${itemName(i)}`).join(", ")}</p>
              <p className="text-muted">
                Items {formatMoney(o.subtotalCents, o.currency)} · shipping{" "}
                {o.shippingCents === 0 ? "free" : formatMoney(o.shippingCents, o.currency)}
                <OrderTaxNote order={o} currency={o.currency} />
              </p>
            </li>
          ))}
        </ul>
        <p className="flex justify-between border-t border-gray-100 px-4 py-3 font-semibold">
          <span>{placed ? "Total paid" : "Total"}</span>
          <span>{money(checkout.totalCents)}</span>
        </p>
      </section>

      {placed ? (
        <section aria-labelledby="next-heading" className="rounded-xl border border-gray-200 bg-white p-4 text-sm">
          <h2 id="next-heading" className="mb-2 font-semibold">
            What happens next
          </h2>
          <ol className="list-decimal space-y-1 pl-5">
            <li>
              {checkout.orders.length === 1 ? "The shop ships your order" : "Each shop ships its order"} and adds a
              tracking number; we email you when it&apos;s on its way.
            </li>
            <li>
              When it arrives, confirm delivery on the order&apos;s page (if you don&apos;t, it&apos;s confirmed for you{" "}
              {AUTO_CONFIRM_DAYS} days after shipping, or a week after the latest estimated delivery day if that is
              later).
            </li>
            <li>
              Only then does the marketplace release your payment to the seller. Something wrong? Open a dispute from
              the order&apos;s page, up to {DISPUTE_WINDOW_DAYS} days after delivery.
            </li>
          </ol>
          <p className="mt-3">
            <Link href="/orders" className="font-medium text-brand-700 underline">
              See all your orders
            </Link>
          </p>
        </section>
      ) : null}
      {placed ? (
        <RecommendationBlocks
          page="order"
          productIds={checkout.orders.flatMap((o) => o.items.map((i) => i.productId))}
        />
      ) : null}
    </div>
  );
}
