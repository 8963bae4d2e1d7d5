// Top-ups: the platform adds funds to its own balance (Stripe's /v1/topups, settled at once as
// every movement here is). A platform that pays sellers in another currency than its buyers pay
// in funds those transfers from its balance in the seller's currency, since a charge can only
// fund transfers in its own currency. Not kept as objects: only the balance movement is.
import type Stripe from "stripe";

import { newId } from "../lib/ids";
import { recordMovement } from "../lib/ledger";
import { applyMetadata } from "../lib/params";
import { route } from "../lib/router";

export const topupRoutes = [
  route({
    method: "POST",
    path: "/v1/topups",
    parse: (p) => ({
      amount: p.requiredInt("amount", { min: 1 }),
      currency: p.requiredString("currency").toLowerCase(),
      description: p.string("description") || null,
      metadata: p.metadata(),
    }),
    run: (input, { emu }) => {
      const id = newId("tu");
      const txn = recordMovement(emu, {
        account: emu.state.platformAccountId,
        amount: input.amount,
        currency: input.currency,
        type: "topup",
        reportingCategory: "topup",
        source: id,
        description: input.description ?? undefined,
      });
      const topup = {
        id,
        object: "topup",
        amount: input.amount,
        balance_transaction: txn.id,
        created: emu.now(),
        currency: input.currency,
        description: input.description,
        expected_availability_date: emu.now(),
        failure_code: null,
        failure_message: null,
        livemode: false,
        metadata: applyMetadata({}, input.metadata),
        source: null,
        statement_descriptor: null,
        status: "succeeded",
        transfer_group: null,
      } as unknown as Stripe.Topup;
      return topup;
    },
  }),
];
