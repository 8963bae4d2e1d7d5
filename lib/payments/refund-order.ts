import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

import { applyRefund } from "./apply-refund";
import { claimRefund } from "./claim-refund";
import { createStripeRefund } from "./create-stripe-refund";
import type { RefundOrderOptions, RefundOrderResult } from "./refund-order-options";
import { reverseRefundTransfer } from "./reverse-refund-transfer";

/**
 * Refunds an order, whole or in part (items and quantities, shipping, or an amount), to the
 * buyer. Three steps, each safe to repeat under the refund's key: (1) under the order's lock the
 * refund is planned against what is left and claimed (a refunds row: claimRefund); (2) Stripe:
 * after release the seller's share of it is reversed from the Transfer first, then the buyer is
 * refunded, both with idempotency keys from `key`; (3) one transaction applies it (applyRefund):
 * counters, stock, the ledger, and the order becomes `refunded` once everything is. No
 * transaction spans Stripe.
 */
export async function refundOrder(opts: RefundOrderOptions): Promise<RefundOrderResult> {
  const key = opts.key ?? `refund:${opts.orderId}`;
  if (key.length > 180) throw new AppError("validation_failed", "Refund key is too long.");
  const step = { ...opts, key, reason: opts.reason.trim().slice(0, 500) || "Refund" };

  const claim = await db().$transaction((tx) => claimRefund(step, tx));
  if ("outcome" in claim) return claim;

  const reversal = await reverseRefundTransfer({ ...claim, key });
  const stripeRefund = await createStripeRefund({ ...claim, key });

  return db().$transaction((tx) => applyRefund({ ...step, claim, reversal, stripeRefund }, tx));
}
