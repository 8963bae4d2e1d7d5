import "server-only";

import type Stripe from "stripe";

import type { RefundStatus } from "@/lib/generated/prisma/enums";

import { stripe } from "../stripe-client";
import { accountOptions, eventObjectId, type WebhookHandler } from "./webhook-handler";

/** A Stripe refund's status in the refund row's terms. */
export function refundStatus(status: Stripe.Refund["status"]): RefundStatus {
  return status === "succeeded" ? "succeeded" : status === "failed" ? "failed" : "pending";
}

// A charge was refunded (in part): each refund row mirrors its Stripe refund's status.
export const onChargeRefunded: WebhookHandler = {
  // A charge no longer carries its refunds by default; list them instead of expanding.
  refetch: async (event) => ({
    refunds: await stripe().refunds.list({ charge: eventObjectId(event), limit: 100 }, accountOptions(event)),
  }),
  async apply(tx, { fresh }) {
    const { refunds } = fresh as { refunds: Stripe.ApiList<Stripe.Refund> };
    for (const r of refunds.data)
      await tx.refund.updateMany({ where: { stripeRefundId: r.id }, data: { status: refundStatus(r.status) } });
  },
};
