// PaymentIntents and their state machine:
//   requires_payment_method → requires_confirmation → (requires_action) → requires_capture | succeeded
//   a decline (or failed 3D Secure) goes back to requires_payment_method; cancel → canceled.
// Test cards decide the outcome (lib/cards.ts). 3D Secure cards stop at requires_action with a
// `next_action` pointing at the emulator's hosted authentication page (pages/three-d-secure.ts).
import type Stripe from "stripe";

import { testCard, type Decline } from "../lib/cards";
import type { Emulator } from "../lib/emulator";
import { cardError, paramError, stateError, StripeError } from "../lib/errors";
import { newId, randomToken } from "../lib/ids";
import { paginate, readListQuery } from "../lib/list";
import { getOr404 } from "../lib/lookup";
import { applyMetadata, type MetadataUpdate, type Params } from "../lib/params";
import { route, type RequestContext } from "../lib/router";
import { captureCharge, createCharge, releaseCharge } from "./charges";
import { scheduleDispute } from "./disputes";
import {
  attachPaymentMethod,
  createPaymentMethod,
  readPaymentMethodInput,
  resolvePaymentMethod,
  type PaymentMethodInput,
} from "./payment-methods";

const CAPTURE_METHODS = ["automatic", "automatic_async", "manual"] as const;
const CANCELLATION_REASONS = ["duplicate", "fraudulent", "requested_by_customer", "abandoned"] as const;
const MAX_AMOUNT = 99_999_999;
/** Stripe's minimum charge amounts, in minor units, for the common currencies. */
const MINIMUM_AMOUNTS: Record<string, number> = {
  usd: 50,
  eur: 50,
  gbp: 30,
  cad: 50,
  aud: 50,
  chf: 50,
  jpy: 50,
  nzd: 50,
  sek: 300,
  nok: 300,
  dkk: 250,
};
/** Fields a publishable key does not see, as on Stripe. */
const SECRET_ONLY_FIELDS = [
  "metadata",
  "transfer_group",
  "customer",
  "on_behalf_of",
  "application",
  "application_fee_amount",
  "transfer_data",
  "review",
  "statement_descriptor",
  "statement_descriptor_suffix",
] as const;

const ACTIVE_STATUSES = ["requires_payment_method", "requires_confirmation", "requires_action"];

interface ConfirmInput {
  paymentMethod?: string;
  paymentMethodData?: PaymentMethodInput;
  returnUrl?: string;
  offSession: boolean;
  errorOnRequiresAction: boolean;
  useStripeSdk: boolean;
  receiptEmail?: string;
  captureMethod?: (typeof CAPTURE_METHODS)[number];
}

interface UpdatableInput {
  amount?: number;
  currency?: string;
  customer?: string;
  description?: string;
  metadata?: MetadataUpdate;
  transferGroup?: string;
  receiptEmail?: string;
  captureMethod?: (typeof CAPTURE_METHODS)[number];
  statementDescriptor?: string;
  statementDescriptorSuffix?: string;
  setupFutureUsage?: "on_session" | "off_session";
  paymentMethodTypes?: string[];
}

export function getPaymentIntent(emu: Emulator, id: string, param = "intent"): Stripe.PaymentIntent {
  return getOr404(emu.state.paymentIntents, id, "payment_intent", param);
}

/** What a caller may see: everything with a secret key, Stripe's public subset with a publishable one. */
export function forCaller(
  pi: Stripe.PaymentIntent,
  ctx: Pick<RequestContext, "keyType">,
): Partial<Stripe.PaymentIntent> {
  if (ctx.keyType === "secret") return pi;
  const visible: Partial<Stripe.PaymentIntent> = { ...pi };
  for (const field of SECRET_ONLY_FIELDS) delete visible[field];
  return visible;
}

function checkAmount(amount: number, currency: string): void {
  const minimum = MINIMUM_AMOUNTS[currency] ?? 50;
  if (amount < minimum)
    throw paramError(`Amount must be at least ${minimum} ${currency} (minor units)`, "amount", "amount_too_small");
  if (amount > MAX_AMOUNT)
    throw paramError(
      `Amount must be no more than ${MAX_AMOUNT} ${currency} (minor units)`,
      "amount",
      "amount_too_large",
    );
}

/** Parameters Stripe has but the emulator does not emulate: refused, rather than ignored. */
function refuseUnsupported(p: Params, keys: Record<string, string>): void {
  for (const [key, why] of Object.entries(keys)) {
    if (p.has(key)) throw paramError(`The Stripe emulator does not support ${key}: ${why}`, key);
  }
}

function readUpdatable(p: Params): UpdatableInput {
  return {
    amount: p.int("amount"),
    currency: p.string("currency")?.toLowerCase(),
    customer: p.string("customer"),
    description: p.string("description"),
    metadata: p.metadata(),
    transferGroup: p.string("transfer_group"),
    receiptEmail: p.string("receipt_email"),
    captureMethod: p.oneOf("capture_method", CAPTURE_METHODS),
    statementDescriptor: p.string("statement_descriptor", { maxLength: 22 }),
    statementDescriptorSuffix: p.string("statement_descriptor_suffix", { maxLength: 22 }),
    setupFutureUsage: p.oneOf("setup_future_usage", ["on_session", "off_session"] as const),
    paymentMethodTypes: p.list("payment_method_types"),
  };
}

function readConfirm(p: Params, emu: Emulator): ConfirmInput {
  const data = p.object("payment_method_data");
  const input: ConfirmInput = {
    paymentMethod: p.string("payment_method") || undefined,
    paymentMethodData: data ? readPaymentMethodInput(data, emu) : undefined,
    returnUrl: p.string("return_url") || undefined,
    // `off_session` is a boolean on create and `one_off`/`recurring` or a boolean on confirm.
    offSession: ["true", "one_off", "recurring"].includes(p.string("off_session") ?? ""),
    errorOnRequiresAction: p.bool("error_on_requires_action") ?? false,
    useStripeSdk: p.bool("use_stripe_sdk") ?? false,
    receiptEmail: p.string("receipt_email"),
    captureMethod: p.oneOf("capture_method", CAPTURE_METHODS),
  };
  p.ignore(
    "mandate",
    "mandate_data",
    "payment_method_options",
    "radar_options",
    "expected_payment_method_type",
    "shipping",
    "setup_future_usage",
    "confirmation_token",
  );
  return input;
}

function checkClientSecret(pi: Stripe.PaymentIntent, ctx: RequestContext, clientSecret: string | undefined): void {
  if (ctx.keyType === "secret" && clientSecret === undefined) return;
  if (!clientSecret) throw paramError("Missing required param: client_secret.", "client_secret", "parameter_missing");
  if (clientSecret !== pi.client_secret) {
    throw paramError(
      "The client_secret provided does not match the client_secret associated with the PaymentIntent.",
      "client_secret",
    );
  }
}

function unexpectedState(pi: Stripe.PaymentIntent, action: string): StripeError {
  return stateError(
    `You cannot ${action} this PaymentIntent because it has a status of ${pi.status}.`,
    "payment_intent_unexpected_state",
    {
      payment_intent: structuredClone(pi),
    },
  );
}

/** The decline as Stripe reports it, both in the 402 error and in `last_payment_error`. */
function declineError(
  pi: Stripe.PaymentIntent,
  pm: Stripe.PaymentMethod,
  decline: Decline,
  chargeId: string | null,
): Stripe.PaymentIntent.LastPaymentError {
  return {
    ...(chargeId ? { charge: chargeId } : {}),
    code: decline.code,
    decline_code: decline.declineCode,
    doc_url: `https://stripe.com/docs/error-codes/${decline.code.replace(/_/g, "-")}`,
    message: decline.message,
    payment_method: structuredClone(pm),
    type: "card_error",
  };
}

/** The card was charged (or authorized): the PaymentIntent moves on. */
function recordSuccess(
  emu: Emulator,
  pi: Stripe.PaymentIntent,
  pm: Stripe.PaymentMethod,
  authenticated: boolean,
): void {
  const manual = pi.capture_method === "manual";
  const charge = createCharge(emu, { paymentIntent: pi, paymentMethod: pm, capture: !manual, authenticated });
  pi.latest_charge = charge.id;
  pi.next_action = null;
  pi.last_payment_error = null;
  if (manual) {
    pi.status = "requires_capture";
    pi.amount_capturable = pi.amount;
    emu.emit("payment_intent.amount_capturable_updated", pi);
    return;
  }
  pi.status = "succeeded";
  pi.amount_received = pi.amount;
  if (testCard(emu.state.cardBehaviours[pm.id] ?? "other").outcome.kind === "dispute") scheduleDispute(emu, charge.id);
  emu.emit("payment_intent.succeeded", pi);
}

/** The card was declined: a failed charge, and the PaymentIntent waits for another payment method. */
function recordDecline(
  emu: Emulator,
  pi: Stripe.PaymentIntent,
  pm: Stripe.PaymentMethod,
  decline: Decline,
): Stripe.PaymentIntent.LastPaymentError {
  const charge = createCharge(emu, {
    paymentIntent: pi,
    paymentMethod: pm,
    decline,
    capture: false,
    authenticated: false,
  });
  pi.latest_charge = charge.id;
  pi.status = "requires_payment_method";
  pi.next_action = null;
  pi.last_payment_error = declineError(pi, pm, decline, charge.id);
  emu.emit("payment_intent.payment_failed", pi);
  return pi.last_payment_error;
}

function charge(
  emu: Emulator,
  pi: Stripe.PaymentIntent,
  pm: Stripe.PaymentMethod,
  authenticated: boolean,
): Stripe.PaymentIntent.LastPaymentError | null {
  const { outcome } = testCard(emu.state.cardBehaviours[pm.id] ?? "other");
  if (outcome.kind === "decline") return recordDecline(emu, pi, pm, outcome.decline);
  recordSuccess(emu, pi, pm, authenticated);
  return null;
}

function throwCardError(pi: Stripe.PaymentIntent, error: Stripe.PaymentIntent.LastPaymentError): never {
  throw cardError({
    code: error.code,
    decline_code: error.decline_code,
    message: error.message ?? "Your card was declined.",
    ...(error.charge ? { charge: error.charge } : {}),
    payment_intent: structuredClone(pi),
    payment_method: error.payment_method,
  });
}

function confirm(emu: Emulator, pi: Stripe.PaymentIntent, input: ConfirmInput): Stripe.PaymentIntent {
  if (!ACTIVE_STATUSES.includes(pi.status)) throw unexpectedState(pi, "confirm");
  let pm: Stripe.PaymentMethod | null = null;
  if (input.paymentMethodData) pm = createPaymentMethod(emu, input.paymentMethodData);
  else if (input.paymentMethod) pm = resolvePaymentMethod(emu, input.paymentMethod);
  else if (pi.payment_method) pm = resolvePaymentMethod(emu, pi.payment_method as string);
  if (!pm) {
    throw stateError(
      "You cannot confirm this PaymentIntent because it's missing a payment method. To confirm the PaymentIntent, pass a payment_method, or update the PaymentIntent with one first.",
      "payment_intent_unexpected_state",
      { payment_intent: structuredClone(pi) },
    );
  }
  if (pi.customer && pm.customer === null && pi.setup_future_usage) attachPaymentMethod(emu, pm, pi.customer as string);
  pi.payment_method = pm.id;
  pi.last_payment_error = null;
  if (input.receiptEmail !== undefined) pi.receipt_email = input.receiptEmail || null;
  if (input.captureMethod) pi.capture_method = input.captureMethod;

  if (testCard(emu.state.cardBehaviours[pm.id] ?? "other").authenticate) {
    if (input.offSession || input.errorOnRequiresAction) {
      // Nobody is there to authenticate: Stripe declines with authentication_required.
      const error = recordDecline(emu, pi, pm, {
        code: "authentication_required",
        declineCode: "authentication_required",
        message: "Your card was declined. This transaction requires authentication.",
      });
      throwCardError(pi, error);
    }
    const url = `${emu.baseUrl}/3ds/${pi.id}`;
    pi.status = "requires_action";
    pi.next_action =
      input.returnUrl && !input.useStripeSdk
        ? { type: "redirect_to_url", redirect_to_url: { url, return_url: input.returnUrl } }
        : {
            type: "use_stripe_sdk",
            use_stripe_sdk: { type: "three_d_secure_redirect", stripe_js: url, source: pi.id },
          };
    emu.emit("payment_intent.requires_action", pi);
    return pi;
  }
  const error = charge(emu, pi, pm, false);
  if (error) throwCardError(pi, error);
  return pi;
}

/** The customer finished (or failed) 3D Secure on the hosted page. */
export function completeAuthentication(emu: Emulator, pi: Stripe.PaymentIntent, approved: boolean): void {
  if (pi.status !== "requires_action") return;
  const pm = resolvePaymentMethod(emu, pi.payment_method as string);
  if (approved) {
    charge(emu, pi, pm, true);
    return;
  }
  pi.status = "requires_payment_method";
  pi.next_action = null;
  pi.last_payment_error = {
    code: "payment_intent_authentication_failure",
    doc_url: "https://stripe.com/docs/error-codes/payment-intent-authentication-failure",
    message:
      "We are unable to authenticate your payment method. Please choose a different payment method and try again.",
    payment_method: structuredClone(pm),
    type: "invalid_request_error",
  };
  emu.emit("payment_intent.payment_failed", pi);
}

function applyUpdatable(emu: Emulator, pi: Stripe.PaymentIntent, input: UpdatableInput): void {
  if (input.amount !== undefined) pi.amount = input.amount;
  if (input.currency) pi.currency = input.currency;
  if (input.customer !== undefined) {
    if (input.customer) getOr404(emu.state.customers, input.customer, "customer", "customer");
    pi.customer = input.customer || null;
  }
  if (input.description !== undefined) pi.description = input.description || null;
  if (input.transferGroup !== undefined) pi.transfer_group = input.transferGroup || null;
  if (input.receiptEmail !== undefined) pi.receipt_email = input.receiptEmail || null;
  if (input.captureMethod) pi.capture_method = input.captureMethod;
  if (input.statementDescriptor !== undefined) pi.statement_descriptor = input.statementDescriptor || null;
  if (input.statementDescriptorSuffix !== undefined)
    pi.statement_descriptor_suffix = input.statementDescriptorSuffix || null;
  if (input.setupFutureUsage) pi.setup_future_usage = input.setupFutureUsage;
  if (input.paymentMethodTypes) {
    const unsupported = input.paymentMethodTypes.find((type) => type !== "card");
    if (unsupported)
      throw paramError(
        `The Stripe emulator supports only the card payment method type, not '${unsupported}'.`,
        "payment_method_types",
      );
    pi.payment_method_types = input.paymentMethodTypes;
    pi.automatic_payment_methods = null;
  }
  pi.metadata = applyMetadata(pi.metadata, input.metadata);
}

export const paymentIntentRoutes = [
  route({
    method: "POST",
    path: "/v1/payment_intents",
    parse: (p, { emu }) => {
      refuseUnsupported(p, {
        transfer_data: "use separate charges and transfers (POST /v1/transfers)",
        application_fee_amount: "use separate charges and transfers",
        on_behalf_of: "charges are made on the platform",
        confirmation_method: "only automatic confirmation is emulated",
      });
      const input = {
        ...readUpdatable(p),
        amount: p.requiredInt("amount"),
        currency: p.requiredString("currency").toLowerCase(),
        confirm: p.bool("confirm") ?? false,
        paymentMethod: p.string("payment_method") || undefined,
        automaticPaymentMethods: p.object("automatic_payment_methods"),
        confirmInput: readConfirm(p, emu),
      };
      input.automaticPaymentMethods?.bool("enabled");
      input.automaticPaymentMethods?.oneOf("allow_redirects", ["always", "never"] as const);
      checkAmount(input.amount, input.currency);
      return input;
    },
    run: (input, { emu }) => {
      const id = newId("pi");
      const pi: Stripe.PaymentIntent = {
        id,
        object: "payment_intent",
        allowed_payment_method_types: null,
        amount: input.amount,
        amount_capturable: 0,
        amount_received: 0,
        application: null,
        application_fee_amount: null,
        automatic_payment_methods: input.paymentMethodTypes ? null : { allow_redirects: "always", enabled: true },
        canceled_at: null,
        cancellation_reason: null,
        capture_method: "automatic_async",
        client_secret: `${id}_secret_${randomToken(25)}`,
        confirmation_method: "automatic",
        created: emu.now(),
        currency: input.currency,
        customer: null,
        customer_account: null,
        description: null,
        excluded_payment_method_types: null,
        last_payment_error: null,
        latest_charge: null,
        livemode: false,
        managed_payments: null,
        metadata: {},
        next_action: null,
        on_behalf_of: null,
        payment_method: null,
        payment_method_configuration_details: null,
        payment_method_options: {
          card: { installments: null, mandate_options: null, network: null, request_three_d_secure: "automatic" },
        },
        payment_method_types: ["card"],
        payment_record: null,
        processing: null,
        receipt_email: null,
        review: null,
        setup_future_usage: null,
        shipping: null,
        source: null,
        statement_descriptor: null,
        statement_descriptor_suffix: null,
        status: "requires_payment_method",
        transfer_data: null,
        transfer_group: null,
      };
      applyUpdatable(emu, pi, input);
      if (input.paymentMethod) {
        pi.payment_method = resolvePaymentMethod(emu, input.paymentMethod).id;
        pi.status = "requires_confirmation";
      }
      emu.state.paymentIntents[pi.id] = pi;
      emu.emit("payment_intent.created", pi);
      if (input.confirm)
        confirm(emu, pi, { ...input.confirmInput, paymentMethod: (pi.payment_method as string | null) ?? undefined });
      return pi;
    },
  }),
  route({
    method: "GET",
    path: "/v1/payment_intents/:id",
    publishable: true,
    parse: (p) => p.string("client_secret"),
    run: (clientSecret, ctx) => {
      const pi = getPaymentIntent(ctx.emu, ctx.path.id);
      checkClientSecret(pi, ctx, clientSecret);
      return forCaller(pi, ctx);
    },
  }),
  route({
    method: "GET",
    path: "/v1/payment_intents",
    parse: (p) => ({ query: readListQuery(p), customer: p.string("customer") }),
    run: ({ query, customer }, { emu }) =>
      paginate(
        Object.values(emu.state.paymentIntents).filter((pi) => customer === undefined || pi.customer === customer),
        query,
        "/v1/payment_intents",
      ),
  }),
  route({
    method: "POST",
    path: "/v1/payment_intents/:id",
    parse: (p) => {
      const input = { ...readUpdatable(p), paymentMethod: p.string("payment_method") };
      p.ignore("payment_method_options", "payment_method_data", "shipping");
      return input;
    },
    run: (input, { emu, path }) => {
      const pi = getPaymentIntent(emu, path.id);
      const onlyAnnotations = Object.entries(input).every(
        ([key, value]) => value === undefined || ["metadata", "description", "receiptEmail"].includes(key),
      );
      // Once a payment went through, only its descriptive fields may change.
      if (!ACTIVE_STATUSES.includes(pi.status) && !onlyAnnotations) throw unexpectedState(pi, "update");
      if (input.amount !== undefined) checkAmount(input.amount, input.currency ?? pi.currency);
      applyUpdatable(emu, pi, input);
      if (input.paymentMethod !== undefined) {
        pi.payment_method = input.paymentMethod ? resolvePaymentMethod(emu, input.paymentMethod).id : null;
        pi.status = pi.payment_method ? "requires_confirmation" : "requires_payment_method";
        pi.next_action = null;
      }
      return pi;
    },
  }),
  route({
    method: "POST",
    path: "/v1/payment_intents/:id/confirm",
    publishable: true,
    parse: (p, { emu }) => ({ clientSecret: p.string("client_secret"), confirm: readConfirm(p, emu) }),
    run: (input, ctx) => {
      const pi = getPaymentIntent(ctx.emu, ctx.path.id);
      checkClientSecret(pi, ctx, input.clientSecret);
      try {
        return forCaller(confirm(ctx.emu, pi, input.confirm), ctx);
      } catch (err) {
        if (err instanceof StripeError && ctx.keyType === "publishable" && err.body.payment_intent) {
          err.body.payment_intent = forCaller(err.body.payment_intent as Stripe.PaymentIntent, ctx);
        }
        throw err;
      }
    },
  }),
  route({
    method: "POST",
    path: "/v1/payment_intents/:id/capture",
    parse: (p) => {
      const input = { amountToCapture: p.int("amount_to_capture", { min: 1 }), metadata: p.metadata() };
      p.ignore(
        "application_fee_amount",
        "final_capture",
        "statement_descriptor",
        "statement_descriptor_suffix",
        "transfer_data",
      );
      return input;
    },
    run: (input, { emu, path }) => {
      const pi = getPaymentIntent(emu, path.id);
      if (pi.status !== "requires_capture") throw unexpectedState(pi, "capture");
      const amount = input.amountToCapture ?? pi.amount_capturable;
      if (amount > pi.amount_capturable) {
        throw stateError(
          `The amount to capture (${amount}) exceeds the amount capturable (${pi.amount_capturable}).`,
          "amount_too_large",
          { param: "amount_to_capture" },
        );
      }
      const chargeId = pi.latest_charge as string;
      const charge = emu.state.charges[chargeId];
      captureCharge(emu, charge, amount);
      pi.metadata = applyMetadata(pi.metadata, input.metadata);
      pi.status = "succeeded";
      pi.amount_capturable = 0;
      pi.amount_received = amount;
      if (testCard(emu.state.cardBehaviours[charge.payment_method ?? ""] ?? "other").outcome.kind === "dispute")
        scheduleDispute(emu, chargeId);
      emu.emit("payment_intent.succeeded", pi);
      return pi;
    },
  }),
  route({
    method: "POST",
    path: "/v1/payment_intents/:id/cancel",
    parse: (p) => p.oneOf("cancellation_reason", CANCELLATION_REASONS),
    run: (reason, { emu, path }) => {
      const pi = getPaymentIntent(emu, path.id);
      if (![...ACTIVE_STATUSES, "requires_capture"].includes(pi.status)) throw unexpectedState(pi, "cancel");
      if (pi.status === "requires_capture") releaseCharge(emu, emu.state.charges[pi.latest_charge as string]);
      pi.status = "canceled";
      pi.canceled_at = emu.now();
      pi.cancellation_reason = reason ?? null;
      pi.amount_capturable = 0;
      pi.next_action = null;
      emu.emit("payment_intent.canceled", pi);
      return pi;
    },
  }),
];
