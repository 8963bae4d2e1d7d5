import "server-only";

import type Stripe from "stripe";

import { stripe } from "../stripe-client";
import { eventObjectId, type WebhookHandler } from "./webhook-handler";

// transfer.created / transfer.reversed: the transfer row mirrors how much of it was reversed.
export const onTransferChanged: WebhookHandler = {
  refetch: (event) => stripe().transfers.retrieve(eventObjectId(event)),
  async apply(tx, { fresh }) {
    const t = fresh as Stripe.Transfer;
    await tx.transfer.updateMany({
      where: { stripeTransferId: t.id },
      data: { reversedCents: t.amount_reversed, ...(t.reversed ? { status: "reversed" } : {}) },
    });
  },
};
