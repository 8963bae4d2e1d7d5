import Link from "next/link";
import { notFound, redirect } from "next/navigation";

import { LockedRates, readFxLock } from "@/components/fx/locked-rates";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { OrderTaxNote } from "@/components/orders/order-tax-note";
import { PaymentForm } from "@/components/payments/payment-form";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/guards";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors/app-error";
import { formatMoney } from "@/lib/money/format-money";
import { getCheckoutSummary } from "@/lib/orders/get-checkout-summary";
import { itemName } from "@/lib/orders/item-name";
import { startCheckoutPayment } from "@/lib/payments/start-checkout-payment";
import { stripeJsUrl } from "@/lib/payments/stripe-client";

export const metadata = { title: "Payment" };

export default async function PayPage({ params }: { params: Promise<{ checkoutId: string }> }) {
  const { checkoutId } = await params;
  const user = await requirePageUser(`/checkout/${checkoutId}`);
  const checkout = await getCheckoutSummary({ checkoutId, buyerId: user.id }).catch((err) => {
    if (isAppError(err) && err.status === 404) notFound();
    throw err;
  });
  const e = env();
  const payable = checkout.status === "payment_pending" || checkout.status === "payment_failed";
  const payment = payable ? await startCheckoutPayment({ checkoutId, buyerId: user.id }) : null;
  const paid = checkout.status === "paid" || payment?.status === "succeeded" || payment?.status === "processing";
  // Paid (or being confirmed): the confirmation page says what was ordered and what happens next.
  if (paid) redirect(`/checkout/${checkout.id}/complete`);
  return (
    <div className="mx-auto grid max-w-5xl gap-8 lg:grid-cols-[1fr_20rem]">
      <div className="space-y-4">
        <PageHeader
          title="Payment"
          description={`Pay before ${checkout.expiresAt.toISOString().slice(11, 16)} UTC to keep your items reserved.`}
        />
        {checkout.status === "cancelled" ? (
          <Alert>
            This checkout expired and its items were released.{" "}
            <Link href="/cart" className="underline">
              Return to your cart
            </Link>
            .
          </Alert>
        ) : null}
        {payment ? (
          <div className="rounded-xl border border-gray-200 bg-white p-5">
            <PaymentForm
              clientSecret={payment.clientSecret}
              publishableKey={e.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY}
              stripeJsUrl={stripeJsUrl()}
              amountLabel={formatMoney(checkout.totalCents, checkout.currency)}
              returnUrl={`${e.APP_URL}/checkout/${checkout.id}/complete`}
              doneUrl={`/checkout/${checkout.id}/complete`}
              retryUrl={`/api/v1/checkouts/${checkout.id}/payment`}
            />
          </div>
        ) : null}
      </div>
      <aside className="h-fit space-y-3 rounded-xl border border-gray-200 bg-white p-5" aria-label="Your orders">
        <h2 className="font-semibold">
          {checkout.orders.length} {checkout.orders.length === 1 ? "order" : "orders"}
        </h2>
        {checkout.orders.map((o) => (
          <div key={o.id} className="border-b border-gray-100 pb-2 text-sm">
            <p className="flex items-center justify-between gap-2">
              <span className="font-medium">{o.seller.shopName}</span>
              <OrderStatusBadge status={o.status} />
            </p>
            <p className="text-muted">{o.items.map((i) => `${i.quantity} × ${itemName(i)}`).join(", ")}</p>
            <p className="text-muted">
              Items {formatMoney(o.subtotalCents, o.currency)} · shipping{" "}
              {o.shippingCents === 0 ? "free" : formatMoney(o.shippingCents, o.currency)}
              <OrderTaxNote order={o} currency={o.currency} />
            </p>
            {o.chargeTotalCents !== null && o.currency !== checkout.currency ? (
              <p className="flex justify-between">
                <span className="text-muted">{formatMoney(o.totalCents, o.currency)}</span>
                <span>{formatMoney(o.chargeTotalCents, checkout.currency)}</span>
              </p>
            ) : (
              <p className="text-right">{formatMoney(o.totalCents, checkout.currency)}</p>
            )}
          </div>
        ))}
        <p className="flex justify-between text-lg font-semibold">
          <span>Total</span>
          <span>{formatMoney(checkout.totalCents, checkout.currency)}</span>
        </p>
        <LockedRates
          rates={readFxLock(checkout.fxRates)?.rates ?? []}
          lockedAt={readFxLock(checkout.fxRates)?.lockedAt}
        />
      </aside>
    </div>
  );
}
