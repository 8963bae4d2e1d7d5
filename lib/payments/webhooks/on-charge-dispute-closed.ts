import "server-only";

import type Stripe from "stripe";

import { settleChargeback } from "../settle-chargeback";
import { stripe } from "../stripe-client";
import { eventObjectId, type WebhookHandler } from "./webhook-handler";

// charge.dispute.closed / charge.dispute.updated: once the re-read dispute is won or lost, its
// chargebacks are settled (once; an update that decides nothing changes nothing).
export const onChargeDisputeClosed: WebhookHandler = {
  refetch: (event) => stripe().disputes.retrieve(eventObjectId(event)),
  async apply(tx, { fresh }) {
    await settleChargeback(tx, { dispute: fresh as Stripe.Dispute });
  },
};
