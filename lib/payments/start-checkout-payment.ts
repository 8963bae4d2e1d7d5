import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { heldOrderIds } from "@/lib/fraud/order-hold";
import { restoreOrderReservation } from "@/lib/orders/restore-order-reservation";

import { stripe } from "./stripe-client";

export type CheckoutPayment = {
  clientSecret: string;
  paymentIntentId: string;
  amountCents: number;
  currency: string;
  status: string;
};

/**
 * One PaymentIntent for the whole checkout (transfer_group = the checkout), created once: the
 * Stripe call carries an idempotency key derived from the checkout, and the id is stored so a
 * reload reuses it. No database transaction is open during the network call. After a failed
 * attempt released the checkout's stock, it is taken again first (all of it, or a 409 naming
 * what sold out), so call this before every attempt: the pay page does.
 */
export async function startCheckoutPayment(opts: { checkoutId: string; buyerId: string }): Promise<CheckoutPayment> {
  const checkout = await db().checkout.findFirst({
    where: { id: opts.checkoutId, buyerId: opts.buyerId },
    include: { orders: { select: { id: true, sellerId: true } }, buyer: { select: { email: true } } },
  });
  if (!checkout) throw new AppError("not_found", "Checkout not found.");
  if (checkout.status === "paid") throw new AppError("conflict", "This checkout is already paid.");
  if (checkout.status === "cancelled")
    throw new AppError("conflict", "This checkout expired: its items were released. Add them to your cart again.");

  if ((await heldOrderIds(checkout.orders.map((o) => o.id))).size > 0)
    throw new AppError(
      "forbidden",
      "This payment is held for a security review after several declined cards. We will email you once it is checked.",
    );
  await restoreReservations(checkout.id);

  const client = stripe();
  if (checkout.paymentIntentId) {
    const pi = await client.paymentIntents.retrieve(checkout.paymentIntentId);
    return {
      clientSecret: pi.client_secret!,
      paymentIntentId: pi.id,
      amountCents: pi.amount,
      currency: pi.currency.toUpperCase(),
      status: pi.status,
    };
  }
  const pi = await client.paymentIntents.create(
    {
      amount: checkout.totalCents,
      currency: checkout.currency.toLowerCase(),
      transfer_group: checkout.id,
      receipt_email: checkout.buyer.email,
      description: `Marketplace checkout ${checkout.id.slice(0, 8)}`,
      metadata: {
        checkout_id: checkout.id,
        buyer_id: opts.buyerId,
        order_ids: checkout.orders
          .map((o) => o.id)
          .join(",")
          .slice(0, 500),
      },
    },
    { idempotencyKey: `checkout-pi:${checkout.id}` },
  );
  await db().$transaction(async (tx) => {
    // Rows locked in id order, as restoreReservations does: an unordered UPDATE racing a
    // concurrent page load's locks would deadlock.
    await tx.$queryRaw`SELECT id FROM orders WHERE checkout_id = ${checkout.id}::uuid ORDER BY id FOR UPDATE`;
    await tx.checkout.updateMany({
      where: { id: checkout.id, paymentIntentId: null },
      data: { paymentIntentId: pi.id },
    });
    await tx.order.updateMany({ where: { checkoutId: checkout.id }, data: { paymentIntentId: pi.id } });
    await tx.payment.upsert({
      where: { paymentIntentId: pi.id },
      create: { checkoutId: checkout.id, paymentIntentId: pi.id, amountCents: pi.amount, currency: checkout.currency },
      update: {},
    });
  });
  return {
    clientSecret: pi.client_secret!,
    paymentIntentId: pi.id,
    amountCents: pi.amount,
    currency: checkout.currency,
    status: pi.status,
  };
}

async function restoreReservations(checkoutId: string): Promise<void> {
  // Most attempts have nothing to restore: only then take the checkout's row locks.
  const anyReleased = await db().order.count({
    where: { checkoutId, status: "pending", reservationReleasedAt: { not: null } },
  });
  if (anyReleased === 0) return;
  await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM orders WHERE checkout_id = ${checkoutId}::uuid ORDER BY id FOR UPDATE`;
    const released = await tx.order.findMany({
      where: { checkoutId, status: "pending", reservationReleasedAt: { not: null } },
      orderBy: { id: "asc" },
      select: { id: true },
    });
    for (const o of released) {
      const r = await restoreOrderReservation(tx, { orderId: o.id });
      if (!r.restored) {
        throw new AppError(
          "conflict",
          `Sorry, "${r.soldOut.title}" sold out after your last payment attempt failed (${r.soldOut.available} left). Return to your cart to change the order.`,
          { productId: r.soldOut.productId, available: r.soldOut.available },
        );
      }
    }
  });
}
