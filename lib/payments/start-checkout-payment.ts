import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { stripe } from "./stripe-client";

export type CheckoutPayment = { clientSecret: string; paymentIntentId: string; amountCents: number; currency: string; status: string };

/**
 * One PaymentIntent for the whole checkout (transfer_group = the checkout), created once: the
 * Stripe call carries an idempotency key derived from the checkout, and the id is stored so a
 * reload reuses it. No database transaction is open during the network call.
 */
export async function startCheckoutPayment(opts: { checkoutId: string; buyerId: string }): Promise<CheckoutPayment> {
  const checkout = await db().checkout.findFirst({ where: { id: opts.checkoutId, buyerId: opts.buyerId }, include: { orders: { select: { id: true, sellerId: true } }, buyer: { select: { email: true } } } });
  if (!checkout) throw new AppError("not_found", "Checkout not found.");
  if (checkout.status === "paid") throw new AppError("conflict", "This checkout is already paid.");
  if (checkout.status === "cancelled") throw new AppError("conflict", "This checkout expired: its items were released. Add them to your cart again.");

  const client = stripe();
  if (checkout.paymentIntentId) {
    const pi = await client.paymentIntents.retrieve(checkout.paymentIntentId);
    return { clientSecret: pi.client_secret!, paymentIntentId: pi.id, amountCents: pi.amount, currency: pi.currency.toUpperCase(), status: pi.status };
  }
  const pi = await client.paymentIntents.create(
    {
      amount: checkout.totalCents,
      currency: checkout.currency.toLowerCase(),
      transfer_group: checkout.id,
      receipt_email: checkout.buyer.email,
      description: `Marketplace checkout ${checkout.id.slice(0, 8)}`,
      metadata: { checkout_id: checkout.id, buyer_id: opts.buyerId, order_ids: checkout.orders.map((o) => o.id).join(",").slice(0, 500) },
    },
    { idempotencyKey: `checkout-pi:${checkout.id}` },
  );
  await db().$transaction(async (tx) => {
    await tx.checkout.updateMany({ where: { id: checkout.id, paymentIntentId: null }, data: { paymentIntentId: pi.id } });
    await tx.order.updateMany({ where: { checkoutId: checkout.id }, data: { paymentIntentId: pi.id } });
    await tx.payment.upsert({ where: { paymentIntentId: pi.id }, create: { checkoutId: checkout.id, paymentIntentId: pi.id, amountCents: pi.amount, currency: checkout.currency }, update: {} });
  });
  return { clientSecret: pi.client_secret!, paymentIntentId: pi.id, amountCents: pi.amount, currency: checkout.currency, status: pi.status };
}
