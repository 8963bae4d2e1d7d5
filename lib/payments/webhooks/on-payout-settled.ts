import "server-only";

import type Stripe from "stripe";

import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { JOBS } from "@/lib/jobs/queues";

import { stripe } from "../stripe-client";
import { accountOptions, eventObjectId, type WebhookHandler } from "./webhook-handler";

// payout.paid / payout.failed on a seller's account: the payout is settled by a job.
export const onPayoutSettled: WebhookHandler = {
  refetch: (event) => stripe().payouts.retrieve(eventObjectId(event), {}, accountOptions(event)),
  async apply(tx, { fresh }) {
    const payout = fresh as Stripe.Payout;
    await enqueueJob({
      name: JOBS.settlePayout,
      data: { stripePayoutId: payout.id, status: payout.status, failureMessage: payout.failure_message ?? null },
      tx,
    });
  },
};
