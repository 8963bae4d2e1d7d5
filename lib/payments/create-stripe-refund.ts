import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

import type { RefundClaim } from "./refund-order-options";
import { stripe } from "./stripe-client";

/**
 * Step 2b, outside any transaction: refunds the buyer on Stripe under the refund's key. When
 * Stripe refuses it for good (not a network error to retry), the claim is released, so what it
 * held counts as refundable again, and the refusal is the caller's error.
 */
export async function createStripeRefund({ refund, order, key }: RefundClaim & { key: string }) {
  try {
    return await stripe().refunds.create(
      {
        payment_intent: order.paymentIntentId,
        // The PaymentIntent's currency: the buyer's, when the shop's differs (planChargeRefund).
        amount: refund.chargeAmountCents ?? refund.amountCents,
        reason: "requested_by_customer",
        metadata: { order_id: order.id, refund_key: key },
      },
      { idempotencyKey: key },
    );
  } catch (err) {
    if ((err as { type?: string }).type !== "StripeInvalidRequestError") throw err;
    await db().refund.update({ where: { id: refund.id }, data: { status: "failed" } });
    throw new AppError("conflict", `The payment provider refused this refund: ${(err as Error).message}`);
  }
}
