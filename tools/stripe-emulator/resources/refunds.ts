// Refunds of captured charges, full or partial; each debits the platform's balance at once
// (which may go negative, as Stripe allows) and succeeds immediately.
import type Stripe from "stripe";

import { paramError, stateError } from "../lib/errors";
import { newId } from "../lib/ids";
import { recordMovement } from "../lib/ledger";
import { paginate, readListQuery } from "../lib/list";
import { getOr404 } from "../lib/lookup";
import { applyMetadata } from "../lib/params";
import { route } from "../lib/router";
import { getCharge } from "./charges";
import { getPaymentIntent } from "./payment-intents";

const REASONS = ["duplicate", "fraudulent", "requested_by_customer"] as const;

export const refundRoutes = [
  route({
    method: "POST",
    path: "/v1/refunds",
    parse: (p) => {
      const input = {
        charge: p.string("charge") || undefined,
        paymentIntent: p.string("payment_intent") || undefined,
        amount: p.int("amount", { min: 1 }),
        reason: p.oneOf("reason", REASONS),
        metadata: p.metadata(),
      };
      p.ignore("instructions_email", "origin", "refund_application_fee", "reverse_transfer");
      if (!input.charge && !input.paymentIntent)
        throw paramError(
          "One of the following params should be provided for this request: payment_intent or charge.",
          "charge",
          "parameter_missing",
        );
      return input;
    },
    run: (input, { emu }) => {
      let charge: Stripe.Charge;
      if (input.paymentIntent) {
        const pi = getPaymentIntent(emu, input.paymentIntent, "payment_intent");
        if (pi.status !== "succeeded" || !pi.latest_charge) {
          throw stateError(
            `This PaymentIntent (${pi.id}) does not have a successful charge to refund.`,
            "charge_not_refundable",
            { payment_intent: structuredClone(pi) },
          );
        }
        charge = getCharge(emu, pi.latest_charge as string);
        if (input.charge && input.charge !== charge.id)
          throw paramError("The charge does not belong to this PaymentIntent.", "charge");
      } else {
        charge = getCharge(emu, input.charge as string);
      }
      if (charge.disputed)
        throw stateError(`Charge ${charge.id} has been charged back; it cannot be refunded.`, "charge_disputed");
      if (!charge.captured)
        throw stateError(
          `Charge ${charge.id} has not been captured: cancel its PaymentIntent instead.`,
          "charge_not_refundable",
        );
      const refundable = charge.amount - charge.amount_refunded;
      if (refundable <= 0)
        throw stateError(`Charge ${charge.id} has already been refunded.`, "charge_already_refunded");
      const amount = input.amount ?? refundable;
      if (amount > refundable) {
        throw stateError(
          `Refund amount (${amount}) is greater than unrefunded amount on charge (${refundable})`,
          "amount_too_large",
          { param: "amount" },
        );
      }
      const id = newId("re");
      const transaction = recordMovement(emu, {
        account: emu.state.platformAccountId,
        amount: -amount,
        currency: charge.currency,
        type: "refund",
        reportingCategory: "refund",
        source: id,
      });
      const refund: Stripe.Refund = {
        id,
        object: "refund",
        amount,
        balance_transaction: transaction.id,
        charge: charge.id,
        created: emu.now(),
        currency: charge.currency,
        customer: charge.customer,
        customer_account: null,
        metadata: applyMetadata({}, input.metadata),
        payment_intent: charge.payment_intent,
        payment_method: charge.payment_method,
        reason: input.reason ?? null,
        receipt_number: null,
        source_transfer_reversal: null,
        status: "succeeded",
        transfer_reversal: null,
      };
      emu.state.refunds[id] = refund;
      charge.amount_refunded += amount;
      charge.refunded = charge.amount_refunded === charge.amount;
      emu.emit("refund.created", refund);
      emu.emit("charge.refunded", charge);
      return refund;
    },
  }),
  route({
    method: "GET",
    path: "/v1/refunds/:id",
    parse: () => null,
    run: (_, { emu, path }) => getOr404(emu.state.refunds, path.id, "refund"),
  }),
  route({
    method: "GET",
    path: "/v1/refunds",
    parse: (p) => ({ query: readListQuery(p), charge: p.string("charge"), paymentIntent: p.string("payment_intent") }),
    run: ({ query, charge, paymentIntent }, { emu }) =>
      paginate(
        Object.values(emu.state.refunds).filter(
          (r) =>
            (charge === undefined || r.charge === charge) &&
            (paymentIntent === undefined || r.payment_intent === paymentIntent),
        ),
        query,
        "/v1/refunds",
      ),
  }),
  route({
    method: "POST",
    path: "/v1/refunds/:id",
    parse: (p) => p.metadata(),
    run: (metadata, { emu, path }) => {
      const refund = getOr404(emu.state.refunds, path.id, "refund");
      refund.metadata = applyMetadata(refund.metadata, metadata);
      emu.emit("refund.updated", refund);
      return refund;
    },
  }),
];
