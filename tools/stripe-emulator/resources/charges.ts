// Charges are made by confirming PaymentIntents (the legacy `POST /v1/charges` is not
// emulated). A captured charge credits the platform's balance with its full amount.
import type Stripe from "stripe";

import type { Decline } from "../lib/cards";
import type { Emulator } from "../lib/emulator";
import { newId, randomToken } from "../lib/ids";
import { recordMovement } from "../lib/ledger";
import { paginate, readListQuery } from "../lib/list";
import { getOr404 } from "../lib/lookup";
import { applyMetadata } from "../lib/params";
import { route } from "../lib/router";

export interface ChargeAttempt {
  paymentIntent: Stripe.PaymentIntent;
  paymentMethod: Stripe.PaymentMethod;
  decline?: Decline;
  capture: boolean;
  authenticated: boolean;
}

function outcome(decline: Decline | undefined): Stripe.Charge.Outcome {
  if (decline) {
    return {
      advice_code: null,
      network_advice_code: null,
      network_decline_code: null,
      network_status: "declined_by_network",
      reason: decline.declineCode,
      risk_level: "normal",
      risk_score: 32,
      seller_message: "The bank did not return any further details with this decline.",
      type: "issuer_declined",
    };
  }
  return {
    advice_code: null,
    network_advice_code: null,
    network_decline_code: null,
    network_status: "approved_by_network",
    reason: null,
    risk_level: "normal",
    risk_score: 32,
    seller_message: "Payment complete.",
    type: "authorized",
  };
}

export function getCharge(emu: Emulator, id: string, param = "charge"): Stripe.Charge {
  return getOr404(emu.state.charges, id, "charge", param);
}

/** Credits the platform with a captured charge's amount. */
function creditPlatform(emu: Emulator, charge: Stripe.Charge, amount: number): void {
  const transaction = recordMovement(emu, {
    account: emu.state.platformAccountId,
    amount,
    currency: charge.currency,
    type: "charge",
    reportingCategory: "charge",
    source: charge.id,
    description: charge.description ?? undefined,
  });
  charge.balance_transaction = transaction.id;
}

export function createCharge(emu: Emulator, attempt: ChargeAttempt): Stripe.Charge {
  const { paymentIntent: pi, paymentMethod: pm, decline } = attempt;
  const card = pm.card!;
  const succeeded = !decline;
  const charge: Stripe.Charge = {
    id: newId("ch"),
    object: "charge",
    amount: pi.amount,
    amount_captured: 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: null,
    billing_details: { ...pm.billing_details, tax_id: null },
    calculated_statement_descriptor: "STRIPE EMULATOR",
    captured: false,
    created: emu.now(),
    currency: pi.currency,
    customer: pi.customer,
    description: pi.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: decline?.code ?? null,
    failure_message: decline?.message ?? null,
    fraud_details: {},
    livemode: false,
    metadata: { ...pi.metadata },
    on_behalf_of: null,
    outcome: outcome(decline),
    paid: succeeded,
    payment_intent: pi.id,
    payment_method: pm.id,
    payment_method_details: {
      type: "card",
      card: {
        amount_authorized: succeeded ? pi.amount : null,
        authorization_code: succeeded ? randomToken(6).toUpperCase() : null,
        brand: card.brand,
        checks: card.checks,
        country: card.country,
        electronic_commerce_indicator: attempt.authenticated ? "05" : null,
        exp_month: card.exp_month,
        exp_year: card.exp_year,
        fingerprint: card.fingerprint,
        funding: card.funding,
        installments: null,
        last4: card.last4,
        mandate: null,
        network: card.brand,
        network_transaction_id: randomToken(15),
        regulated_status: card.regulated_status,
        three_d_secure: attempt.authenticated
          ? ({
              authentication_flow: "challenge",
              result: "authenticated",
              result_reason: null,
              version: "2.2.0",
            } as Stripe.Charge.PaymentMethodDetails.Card.ThreeDSecure)
          : null,
        transaction_link_id: null,
        wallet: null,
      },
    },
    receipt_email: pi.receipt_email,
    receipt_number: null,
    receipt_url: null,
    refunded: false,
    review: null,
    shipping: pi.shipping,
    source: null,
    source_transfer: null,
    statement_descriptor: pi.statement_descriptor,
    statement_descriptor_suffix: pi.statement_descriptor_suffix,
    status: succeeded ? "succeeded" : "failed",
    transfer_data: null,
    transfer_group: pi.transfer_group,
  };
  emu.state.charges[charge.id] = charge;
  if (succeeded && attempt.capture) {
    charge.captured = true;
    charge.amount_captured = charge.amount;
    creditPlatform(emu, charge, charge.amount);
  }
  emu.emit(succeeded ? "charge.succeeded" : "charge.failed", charge);
  return charge;
}

/** Captures `amount` of an authorized charge; the rest of the authorization is released. */
export function captureCharge(emu: Emulator, charge: Stripe.Charge, amount: number): void {
  charge.captured = true;
  charge.amount_captured = amount;
  charge.amount_refunded = charge.amount - amount;
  creditPlatform(emu, charge, amount);
  emu.emit("charge.captured", charge);
}

/** Releases an authorization that will never be captured (its PaymentIntent was canceled). */
export function releaseCharge(emu: Emulator, charge: Stripe.Charge): void {
  charge.amount_refunded = charge.amount;
  charge.refunded = true;
  emu.emit("charge.refunded", charge);
}

export const chargeRoutes = [
  route({
    method: "GET",
    path: "/v1/charges/:id",
    parse: () => null,
    run: (_, { emu, path }) => getCharge(emu, path.id, "id"),
  }),
  route({
    method: "GET",
    path: "/v1/charges",
    parse: (p) => ({
      query: readListQuery(p),
      paymentIntent: p.string("payment_intent"),
      customer: p.string("customer"),
      transferGroup: p.string("transfer_group"),
    }),
    run: ({ query, paymentIntent, customer, transferGroup }, { emu }) =>
      paginate(
        Object.values(emu.state.charges).filter(
          (c) =>
            (paymentIntent === undefined || c.payment_intent === paymentIntent) &&
            (customer === undefined || c.customer === customer) &&
            (transferGroup === undefined || c.transfer_group === transferGroup),
        ),
        query,
        "/v1/charges",
      ),
  }),
  route({
    method: "POST",
    path: "/v1/charges/:id",
    parse: (p) => ({ metadata: p.metadata(), description: p.string("description") }),
    run: (input, { emu, path }) => {
      const charge = getCharge(emu, path.id, "id");
      charge.metadata = applyMetadata(charge.metadata, input.metadata);
      if (input.description !== undefined) charge.description = input.description || null;
      emu.emit("charge.updated", charge);
      return charge;
    },
  }),
];
