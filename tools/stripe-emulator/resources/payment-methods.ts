// Card PaymentMethods, from a card number (Stripe.js, or raw card data on the server) or from
// one of Stripe's test tokens (`pm_card_visa`, `pm_card_chargeDeclined`, …). Using a test token
// where a PaymentMethod id is expected makes a fresh PaymentMethod, as on Stripe.
import { createHmac } from "node:crypto";

import type Stripe from "stripe";

import { brandOf, cardByNumber, cardByToken, luhnValid, testCard, type TestCardKey } from "../lib/cards";
import type { Emulator } from "../lib/emulator";
import { cardError, paramError } from "../lib/errors";
import { newId } from "../lib/ids";
import { paginate, readListQuery } from "../lib/list";
import { getOr404 } from "../lib/lookup";
import { applyMetadata, type MetadataUpdate, type Params } from "../lib/params";
import { route } from "../lib/router";

interface CardInput {
  key: TestCardKey;
  number: string;
  expMonth: number;
  expYear: number;
  cvcProvided: boolean;
}

interface BillingDetails {
  name: string | null;
  email: string | null;
  phone: string | null;
  address: Stripe.Address | null;
}

const ADDRESS_FIELDS = ["line1", "line2", "city", "state", "postal_code", "country"] as const;

function readBillingDetails(p: Params | undefined): BillingDetails {
  const details: BillingDetails = { name: null, email: null, phone: null, address: null };
  if (!p) return details;
  details.name = p.string("name") || null;
  details.email = p.string("email") || null;
  details.phone = p.string("phone") || null;
  const address = p.object("address");
  if (address) {
    details.address = Object.fromEntries(
      ADDRESS_FIELDS.map((field) => [field, address.string(field) || null]),
    ) as unknown as Stripe.Address;
  }
  p.ignore("tax_id");
  return details;
}

function readCard(p: Params, now: Date): CardInput {
  const token = p.string("token");
  if (token) {
    const key = cardByToken(token);
    if (!key) throw paramError(`No such token: '${token}'`, "card[token]", "resource_missing");
    return { key, number: testCard(key).number, expMonth: 12, expYear: now.getUTCFullYear() + 5, cvcProvided: true };
  }
  const number = p.requiredString("number").replace(/[\s-]/g, "");
  const expMonth = p.requiredInt("exp_month");
  let expYear = p.requiredInt("exp_year");
  const cvc = p.string("cvc");
  p.ignore("networks");
  if (!luhnValid(number))
    throw cardError(
      { code: "incorrect_number", message: "Your card number is incorrect.", param: "card[number]" },
      false,
    );
  if (expMonth < 1 || expMonth > 12)
    throw cardError(
      { code: "invalid_expiry_month", message: "Your card's expiration month is invalid.", param: "card[exp_month]" },
      false,
    );
  if (expYear < 100) expYear += 2000;
  const thisYear = now.getUTCFullYear();
  if (expYear < thisYear || expYear > thisYear + 50 || (expYear === thisYear && expMonth < now.getUTCMonth() + 1)) {
    throw cardError(
      { code: "invalid_expiry_year", message: "Your card's expiration year is invalid.", param: "card[exp_year]" },
      false,
    );
  }
  if (cvc !== undefined && !/^\d{3,4}$/.test(cvc))
    throw cardError(
      { code: "invalid_cvc", message: "Your card's security code is invalid.", param: "card[cvc]" },
      false,
    );
  return { key: cardByNumber(number), number, expMonth, expYear, cvcProvided: cvc !== undefined };
}

export interface PaymentMethodInput {
  card: CardInput;
  billing: BillingDetails;
  metadata: MetadataUpdate | undefined;
}

export function readPaymentMethodInput(p: Params, emu: Emulator): PaymentMethodInput {
  const type = p.requiredString("type");
  if (type !== "card")
    throw paramError(`The Stripe emulator supports only card PaymentMethods, not '${type}'.`, "type");
  const card = p.object("card");
  if (!card) throw paramError("Missing required param: card.", "card", "parameter_missing");
  const input = {
    card: readCard(card, new Date(emu.now() * 1000)),
    billing: readBillingDetails(p.object("billing_details")),
    metadata: p.metadata(),
  };
  // Sent by Stripe.js alongside the card; they feed Stripe's fraud signals.
  p.ignore(
    "allow_redisplay",
    "payment_user_agent",
    "time_on_page",
    "guid",
    "muid",
    "sid",
    "referrer",
    "client_attribution_metadata",
    "radar_options",
  );
  return input;
}

export function createPaymentMethod(emu: Emulator, input: PaymentMethodInput): Stripe.PaymentMethod {
  const { card } = input;
  const known = testCard(card.key, card.number);
  const brand = card.key === "other" ? brandOf(card.number) : known.brand;
  const paymentMethod: Stripe.PaymentMethod = {
    id: newId("pm"),
    object: "payment_method",
    allow_redisplay: "unspecified",
    billing_details: { ...input.billing, tax_id: null },
    card: {
      brand,
      checks: {
        address_line1_check: null,
        address_postal_code_check: null,
        cvc_check: card.cvcProvided ? "pass" : null,
      },
      country: known.country ?? "US",
      display_brand: brand,
      exp_month: card.expMonth,
      exp_year: card.expYear,
      fingerprint: createHmac("sha256", "stripe-emulator").update(card.number).digest("base64url").slice(0, 16),
      funding: known.funding,
      generated_from: null,
      last4: card.number.slice(-4),
      networks: { available: [brand], preferred: null },
      regulated_status: "unregulated",
      three_d_secure_usage: { supported: true },
      wallet: null,
    },
    created: emu.now(),
    customer: null,
    customer_account: null,
    livemode: false,
    metadata: applyMetadata({}, input.metadata),
    type: "card",
  };
  emu.state.paymentMethods[paymentMethod.id] = paymentMethod;
  emu.state.cardBehaviours[paymentMethod.id] = card.key;
  return paymentMethod;
}

/** A PaymentMethod by id, or a fresh one for a `pm_card_*` test token. */
export function resolvePaymentMethod(emu: Emulator, id: string, param = "payment_method"): Stripe.PaymentMethod {
  const existing = emu.state.paymentMethods[id];
  if (existing) return existing;
  const key = cardByToken(id);
  if (!key) throw paramError(`No such PaymentMethod: '${id}'`, param, "resource_missing");
  const year = new Date(emu.now() * 1000).getUTCFullYear();
  return createPaymentMethod(emu, {
    card: { key, number: testCard(key).number, expMonth: 12, expYear: year + 5, cvcProvided: true },
    billing: readBillingDetails(undefined),
    metadata: undefined,
  });
}

export function attachPaymentMethod(emu: Emulator, paymentMethod: Stripe.PaymentMethod, customerId: string): void {
  getOr404(emu.state.customers, customerId, "customer", "customer");
  if (paymentMethod.customer === customerId) return;
  paymentMethod.customer = customerId;
  emu.emit("payment_method.attached", paymentMethod);
}

function listFor(emu: Emulator, customer: string | undefined) {
  return Object.values(emu.state.paymentMethods).filter((pm) => customer === undefined || pm.customer === customer);
}

export const paymentMethodRoutes = [
  route({
    method: "POST",
    path: "/v1/payment_methods",
    publishable: true,
    parse: (p, { emu }) => readPaymentMethodInput(p, emu),
    run: (input, { emu }) => createPaymentMethod(emu, input),
  }),
  route({
    method: "GET",
    path: "/v1/payment_methods/:id",
    parse: () => null,
    run: (_, { emu, path }) => resolvePaymentMethod(emu, path.id, "id"),
  }),
  route({
    method: "POST",
    path: "/v1/payment_methods/:id",
    parse: (p) => {
      const input = {
        metadata: p.metadata(),
        billing: p.has("billing_details") ? readBillingDetails(p.object("billing_details")) : undefined,
      };
      p.ignore("allow_redisplay", "card");
      return input;
    },
    run: (input, { emu, path }) => {
      const paymentMethod = getOr404(emu.state.paymentMethods, path.id, "PaymentMethod");
      paymentMethod.metadata = applyMetadata(paymentMethod.metadata, input.metadata);
      if (input.billing) paymentMethod.billing_details = { ...input.billing, tax_id: null };
      emu.emit("payment_method.updated", paymentMethod);
      return paymentMethod;
    },
  }),
  route({
    method: "GET",
    path: "/v1/payment_methods",
    parse: (p) => {
      const input = { query: readListQuery(p), customer: p.string("customer") };
      p.oneOf("type", ["card"] as const);
      return input;
    },
    run: ({ query, customer }, { emu }) => paginate(listFor(emu, customer), query, "/v1/payment_methods"),
  }),
  route({
    method: "GET",
    path: "/v1/customers/:id/payment_methods",
    parse: (p) => {
      const query = readListQuery(p);
      p.oneOf("type", ["card"] as const);
      return query;
    },
    run: (query, { emu, path }) => {
      getOr404(emu.state.customers, path.id, "customer");
      return paginate(listFor(emu, path.id), query, `/v1/customers/${path.id}/payment_methods`);
    },
  }),
  route({
    method: "POST",
    path: "/v1/payment_methods/:id/attach",
    parse: (p) => p.requiredString("customer"),
    run: (customer, { emu, path }) => {
      const paymentMethod = resolvePaymentMethod(emu, path.id, "id");
      attachPaymentMethod(emu, paymentMethod, customer);
      return paymentMethod;
    },
  }),
  route({
    method: "POST",
    path: "/v1/payment_methods/:id/detach",
    parse: () => null,
    run: (_, { emu, path }) => {
      const paymentMethod = getOr404(emu.state.paymentMethods, path.id, "PaymentMethod");
      if (!paymentMethod.customer)
        throw paramError(
          "The payment method you provided is not attached to a customer so detachment is impossible.",
          "payment_method",
          "payment_method_unexpected_state",
        );
      const previousAttributes = { customer: paymentMethod.customer };
      paymentMethod.customer = null;
      emu.emit("payment_method.detached", paymentMethod, { previousAttributes });
      return paymentMethod;
    },
  }),
];
