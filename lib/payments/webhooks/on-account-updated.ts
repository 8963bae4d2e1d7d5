import "server-only";

import type Stripe from "stripe";

import { queueParkedReleases } from "../queue-parked-releases";
import { stripe } from "../stripe-client";
import { eventObjectId, type WebhookHandler } from "./webhook-handler";

// A connected account changed: the seller's profile mirrors whether it can take charges and
// receive payouts, and releases parked for want of a working account are queued once it works.
export const onAccountUpdated: WebhookHandler = {
  refetch: (event) => stripe().accounts.retrieve(eventObjectId(event)),
  async apply(tx, { fresh }) {
    const acct = fresh as Stripe.Account;
    await tx.sellerProfile.updateMany({
      where: { stripeAccountId: acct.id },
      data: {
        chargesEnabled: acct.charges_enabled,
        payoutsEnabled: acct.payouts_enabled,
        detailsSubmitted: acct.details_submitted,
      },
    });
    // Releases that waited for this account run now that it can receive money.
    if (acct.payouts_enabled) await queueParkedReleases(tx, { stripeAccountId: acct.id });
  },
};
