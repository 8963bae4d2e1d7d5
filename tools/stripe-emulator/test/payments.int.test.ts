// Card payments: the test cards' outcomes, 3D Secure through the hosted page, manual capture,
// cancellation, refunds, and the publishable-key calls Stripe.js makes.
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { amountIn, paidCharge, startHarness, stripeErrorOf, stripeFor, type Harness, type RawJson } from "./support";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function declined(paymentMethod: string): Promise<Stripe.errors.StripeCardError> {
  const err = await stripeErrorOf(
    h.stripe.paymentIntents.create({ amount: 2000, currency: "usd", payment_method: paymentMethod, confirm: true }),
  );
  expect(err).toBeInstanceOf(Stripe.errors.StripeCardError);
  return err as Stripe.errors.StripeCardError;
}

async function cardPaymentMethod(number: string): Promise<string> {
  const pm = await h.stripe.paymentMethods.create({
    type: "card",
    card: { number, exp_month: 12, exp_year: 2040, cvc: "123" },
  });
  return pm.id;
}

describe("test cards", () => {
  it("4242424242424242 succeeds: charge captured, platform balance credited", async () => {
    const before = amountIn(await h.stripe.balance.retrieve());
    const pi = await h.stripe.paymentIntents.create({
      amount: 3000,
      currency: "usd",
      payment_method: await cardPaymentMethod("4242424242424242"),
      confirm: true,
    });
    expect(pi).toMatchObject({ status: "succeeded", amount_received: 3000 });
    const charge = await h.stripe.charges.retrieve(pi.latest_charge as string);
    expect(charge).toMatchObject({
      status: "succeeded",
      captured: true,
      amount_captured: 3000,
      paid: true,
      balance_transaction: expect.stringMatching(/^txn_/),
    });
    expect(amountIn(await h.stripe.balance.retrieve())).toBe(before + 3000);
  });

  it("4000000000000002 is declined: 402 card_error card_declined / generic_decline", async () => {
    const err = await declined(await cardPaymentMethod("4000000000000002"));
    expect(err).toMatchObject({
      statusCode: 402,
      type: "StripeCardError",
      code: "card_declined",
      decline_code: "generic_decline",
      message: "Your card was declined.",
    });
    expect(err.payment_intent).toMatchObject({
      status: "requires_payment_method",
      last_payment_error: { code: "card_declined", decline_code: "generic_decline", type: "card_error" },
    });
    const charge = await h.stripe.charges.retrieve(err.payment_intent!.latest_charge as string);
    expect(charge).toMatchObject({
      status: "failed",
      paid: false,
      failure_code: "card_declined",
      outcome: { type: "issuer_declined" },
    });
  });

  it("4000000000009995 is declined for insufficient funds", async () => {
    const err = await declined(await cardPaymentMethod("4000000000009995"));
    expect(err).toMatchObject({
      code: "card_declined",
      decline_code: "insufficient_funds",
      message: "Your card has insufficient funds.",
    });
  });

  it("accepts Stripe's pm_card_* test tokens", async () => {
    expect(await declined("pm_card_chargeDeclined")).toMatchObject({ decline_code: "generic_decline" });
    expect(await declined("pm_card_chargeDeclinedInsufficientFunds")).toMatchObject({
      decline_code: "insufficient_funds",
    });
    const ok = await h.stripe.paymentIntents.create({
      amount: 999,
      currency: "usd",
      payment_method: "pm_card_visa",
      confirm: true,
    });
    expect(ok.payment_method).toMatch(/^pm_/);
  });

  it("refuses an invalid card number as a card error when creating the PaymentMethod", async () => {
    await expect(
      h.stripe.paymentMethods.create({
        type: "card",
        card: { number: "4242424242424241", exp_month: 12, exp_year: 2040, cvc: "123" },
      }),
    ).rejects.toMatchObject({ statusCode: 402, code: "incorrect_number", param: "card[number]" });
  });

  it("a declined PaymentIntent can be retried with another card", async () => {
    const err = await declined("pm_card_chargeDeclined");
    const pi = await h.stripe.paymentIntents.confirm(err.payment_intent!.id, { payment_method: "pm_card_visa" });
    expect(pi.status).toBe("succeeded");
  });
});

describe("3D Secure", () => {
  it("4000002500003155 requires action, then succeeds once approved on the hosted page", async () => {
    const pi = await h.stripe.paymentIntents.create({
      amount: 4200,
      currency: "usd",
      payment_method: await cardPaymentMethod("4000002500003155"),
      confirm: true,
      return_url: "https://shop.example/checkout/return",
    });
    expect(pi.status).toBe("requires_action");
    expect(pi.next_action?.type).toBe("redirect_to_url");
    const url = pi.next_action!.redirect_to_url!.url!;
    expect(url.startsWith(h.emulator.url)).toBe(true);

    const pageHtml = await (await fetch(url)).text();
    expect(pageHtml).toContain("Complete authentication");
    const submitted = await fetch(url, {
      method: "POST",
      body: new URLSearchParams({ outcome: "complete" }),
      redirect: "manual",
    });
    expect(submitted.status).toBe(303);
    const back = new URL(submitted.headers.get("location")!);
    expect(back.origin + back.pathname).toBe("https://shop.example/checkout/return");
    expect(back.searchParams.get("payment_intent")).toBe(pi.id);
    expect(back.searchParams.get("redirect_status")).toBe("succeeded");

    const after = await h.stripe.paymentIntents.retrieve(pi.id);
    expect(after).toMatchObject({ status: "succeeded", next_action: null });
  });

  it("failing authentication leaves the PaymentIntent waiting for another payment method", async () => {
    const pi = await h.stripe.paymentIntents.create({
      amount: 4200,
      currency: "usd",
      payment_method: "pm_card_threeDSecure2Required",
      confirm: true,
    });
    expect(pi.next_action?.type).toBe("use_stripe_sdk");
    const failed = await h.control.completeThreeDSecure(pi.id, "fail");
    expect(failed).toMatchObject({
      status: "requires_payment_method",
      last_payment_error: { code: "payment_intent_authentication_failure" },
    });
  });

  it("an off-session payment on a card needing authentication is declined with authentication_required", async () => {
    const err = await stripeErrorOf(
      h.stripe.paymentIntents.create({
        amount: 1200,
        currency: "usd",
        payment_method: "pm_card_authenticationRequired",
        confirm: true,
        off_session: true,
      }),
    );
    expect(err).toMatchObject({ statusCode: 402, code: "authentication_required" });
  });
});

describe("capture, cancel and refunds", () => {
  it("captures a manual-capture payment (partially), crediting only what was captured", async () => {
    const before = amountIn(await h.stripe.balance.retrieve());
    const pi = await h.stripe.paymentIntents.create({
      amount: 5000,
      currency: "usd",
      payment_method: "pm_card_visa",
      confirm: true,
      capture_method: "manual",
    });
    expect(pi).toMatchObject({ status: "requires_capture", amount_capturable: 5000 });
    expect(amountIn(await h.stripe.balance.retrieve())).toBe(before);
    const captured = await h.stripe.paymentIntents.capture(pi.id, { amount_to_capture: 4000 });
    expect(captured).toMatchObject({ status: "succeeded", amount_received: 4000, amount_capturable: 0 });
    expect(amountIn(await h.stripe.balance.retrieve())).toBe(before + 4000);
    await expect(h.stripe.refunds.create({ payment_intent: pi.id, amount: 4001 })).rejects.toMatchObject({
      code: "amount_too_large",
    });
  });

  it("cancels an uncaptured payment and refuses to cancel a succeeded one", async () => {
    const pi = await h.stripe.paymentIntents.create({
      amount: 5000,
      currency: "usd",
      payment_method: "pm_card_visa",
      confirm: true,
      capture_method: "manual",
    });
    const canceled = await h.stripe.paymentIntents.cancel(pi.id, { cancellation_reason: "requested_by_customer" });
    expect(canceled).toMatchObject({ status: "canceled", cancellation_reason: "requested_by_customer" });
    expect(await h.stripe.charges.retrieve(pi.latest_charge as string)).toMatchObject({
      refunded: true,
      amount_refunded: 5000,
    });
    const { pi: done } = await paidCharge(h.stripe, 1000);
    await expect(h.stripe.paymentIntents.cancel(done.id)).rejects.toMatchObject({
      statusCode: 400,
      code: "payment_intent_unexpected_state",
    });
  });

  it("refunds partially then fully, by payment_intent or charge, and debits the balance", async () => {
    const { pi, chargeId } = await paidCharge(h.stripe, 6000);
    const before = amountIn(await h.stripe.balance.retrieve());
    const partial = await h.stripe.refunds.create({
      payment_intent: pi.id,
      amount: 1500,
      metadata: { reason_code: "damaged" },
    });
    expect(partial).toMatchObject({
      object: "refund",
      amount: 1500,
      status: "succeeded",
      charge: chargeId,
      payment_intent: pi.id,
      metadata: { reason_code: "damaged" },
    });
    expect(await h.stripe.charges.retrieve(chargeId)).toMatchObject({ amount_refunded: 1500, refunded: false });
    const rest = await h.stripe.refunds.create({ charge: chargeId });
    expect(rest.amount).toBe(4500);
    expect(await h.stripe.charges.retrieve(chargeId)).toMatchObject({ amount_refunded: 6000, refunded: true });
    expect(amountIn(await h.stripe.balance.retrieve())).toBe(before - 6000);
    await expect(h.stripe.refunds.create({ charge: chargeId })).rejects.toMatchObject({
      code: "charge_already_refunded",
    });
    const listed = await h.stripe.refunds.list({ payment_intent: pi.id });
    expect(listed.data.map((r) => r.id)).toEqual([rest.id, partial.id]);
    expect((await h.stripe.refunds.retrieve(partial.id)).amount).toBe(1500);
  });
});

describe("publishable key (what Stripe.js does)", () => {
  const pk = "pk_test_conformance";

  async function asStripeJs(path: string, params: Record<string, string>, method = "POST") {
    const body = new URLSearchParams({ key: pk, ...params });
    const res = await fetch(`${h.emulator.url}/v1${path}${method === "GET" ? `?${body}` : ""}`, {
      method,
      body: method === "GET" ? undefined : body,
    });
    return {
      status: res.status,
      cors: res.headers.get("access-control-allow-origin"),
      json: (await res.json()) as RawJson,
    };
  }

  it("creates a PaymentMethod and confirms with the client secret, without seeing server-side fields", async () => {
    const pi = await h.stripe.paymentIntents.create({
      amount: 2600,
      currency: "usd",
      metadata: { order_id: "secret-ish" },
    });
    const pm = await asStripeJs("/payment_methods", {
      type: "card",
      "card[number]": "4242424242424242",
      "card[exp_month]": "12",
      "card[exp_year]": "40",
      "card[cvc]": "123",
    });
    expect(pm.status).toBe(200);
    expect(pm.cors).toBe("*");
    const wrongSecret = await asStripeJs(`/payment_intents/${pi.id}/confirm`, {
      client_secret: `${pi.id}_secret_wrong`,
      payment_method: String(pm.json.id),
    });
    expect(wrongSecret.status).toBe(400);
    const confirmed = await asStripeJs(`/payment_intents/${pi.id}/confirm`, {
      client_secret: pi.client_secret!,
      payment_method: String(pm.json.id),
      use_stripe_sdk: "true",
    });
    expect(confirmed.json).toMatchObject({ id: pi.id, status: "succeeded" });
    expect(confirmed.json.metadata).toBeUndefined();
    const retrieved = await asStripeJs(`/payment_intents/${pi.id}`, { client_secret: pi.client_secret! }, "GET");
    expect(retrieved.json.status).toBe("succeeded");
    const noSecret = await asStripeJs(`/payment_intents/${pi.id}`, {}, "GET");
    expect(noSecret.json.error?.code).toBe("parameter_missing");
  });

  it("cannot list or create PaymentIntents", async () => {
    const res = await stripeErrorOf(stripeFor(h.emulator, pk).paymentIntents.list());
    expect(res).toMatchObject({ statusCode: 401 });
  });
});
