import "server-only";

import { db } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";

import { stripe } from "./stripe-client";

/**
 * The job after a card-testing run was held: cancels the checkout's PaymentIntent, so no later
 * attempt on it (a stolen card that works, confirmed straight with Stripe) can take money. Only
 * while the checkout is unpaid and its orders are still held; Stripe refuses to cancel a
 * PaymentIntent that already succeeded, and then the capture's own scoring holds the orders.
 */
export async function cancelHeldPayment(checkoutId: string): Promise<"cancelled" | "skipped"> {
  const checkout = await db().checkout.findUnique({
    where: { id: checkoutId },
    select: { status: true, paymentIntentId: true, orders: { select: { id: true } } },
  });
  if (!checkout?.paymentIntentId || checkout.status === "paid") return "skipped";
  const held = await db().moderationCase.count({
    where: { subjectType: "order", subjectId: { in: checkout.orders.map((o) => o.id) }, status: "open" },
  });
  if (held === 0) return "skipped";
  const client = stripe();
  const pi = await client.paymentIntents.retrieve(checkout.paymentIntentId);
  if (pi.status === "canceled") return "skipped";
  if (pi.status === "succeeded" || pi.status === "processing") {
    logger.warn(
      { checkoutId, paymentIntentId: pi.id },
      "card-testing hold: the payment succeeded before it was cancelled",
    );
    return "skipped";
  }
  await client.paymentIntents.cancel(
    pi.id,
    { cancellation_reason: "fraudulent" },
    { idempotencyKey: `cancel-held-payment:${checkoutId}` },
  );
  return "cancelled";
}
