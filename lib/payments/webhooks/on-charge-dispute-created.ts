import "server-only";

import type Stripe from "stripe";

import { transitionOrder } from "@/lib/orders/order-status";

import { recordChargeback } from "../record-chargeback";
import { stripe } from "../stripe-client";
import { eventObjectId, type WebhookHandler } from "./webhook-handler";

// A cardholder disputed the charge: each of the checkout's orders gets a chargeback (a held
// order is frozen, a released one booked back, see recordChargeback), and each order still in
// escrow is paused (disputed) with a dispute case an admin decides once the network has.
export const onChargeDisputeCreated: WebhookHandler = {
  refetch: (event) => stripe().disputes.retrieve(eventObjectId(event)),
  async apply(tx, { fresh }) {
    const dispute = fresh as Stripe.Dispute;
    await recordChargeback(tx, { dispute });
    const chargeId = typeof dispute.charge === "string" ? dispute.charge : dispute.charge.id;
    const payment = await tx.payment.findUnique({ where: { chargeId }, select: { checkoutId: true } });
    if (!payment) return;
    const orders = await tx.order.findMany({
      where: { checkoutId: payment.checkoutId, escrowStatus: "held" },
      select: { id: true },
    });
    for (const o of orders) {
      await transitionOrder(tx, {
        orderId: o.id,
        to: "disputed",
        actorType: "webhook",
        note: `Card dispute opened (${dispute.reason}); release paused`,
        from: ["shipped", "delivered"],
      }).catch(() => undefined);
      await tx.dispute.upsert({
        where: { stripeDisputeId: `${dispute.id}:${o.id}` },
        create: { orderId: o.id, stripeDisputeId: `${dispute.id}:${o.id}`, reason: `Card dispute: ${dispute.reason}` },
        update: {},
      });
    }
  },
};
