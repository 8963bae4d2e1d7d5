// The API's conventions, as the real `stripe` SDK sees them: object shapes and id prefixes,
// authentication, Stripe's error envelope, parameter validation, lists, expand, idempotency.
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startHarness, stripeErrorOf, stripeFor, type Harness, type RawJson } from "./support";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function raw(path: string, init: RequestInit & { key?: string | null } = {}) {
  const { key = "sk_test_raw", ...rest } = init;
  const headers = new Headers(rest.headers);
  if (key) headers.set("Authorization", `Bearer ${key}`);
  if (rest.body) headers.set("Content-Type", "application/x-www-form-urlencoded");
  const res = await fetch(`${h.emulator.url}${path}`, { ...rest, headers });
  return { status: res.status, headers: res.headers, json: (await res.json()) as RawJson };
}

describe("objects", () => {
  it("shapes a PaymentIntent like Stripe: prefixed id, object, created, livemode, metadata, client_secret", async () => {
    const pi = await h.stripe.paymentIntents.create({
      amount: 1500,
      currency: "usd",
      metadata: { order_id: "ord_1", buyer: "b_9" },
      transfer_group: "ORDER_1",
    });
    expect(pi.id).toMatch(/^pi_\w{24}$/);
    expect(pi).toMatchObject({
      object: "payment_intent",
      amount: 1500,
      currency: "usd",
      livemode: false,
      status: "requires_payment_method",
      metadata: { order_id: "ord_1", buyer: "b_9" },
      transfer_group: "ORDER_1",
      latest_charge: null,
      last_payment_error: null,
      capture_method: "automatic_async",
    });
    expect(pi.client_secret).toMatch(new RegExp(`^${pi.id}_secret_\\w+$`));
    expect(Math.abs(pi.created - Date.now() / 1000)).toBeLessThan(5);
  });

  it("uses Stripe's id prefixes across resources", async () => {
    const customer = await h.stripe.customers.create({ email: "buyer@example.com" });
    const pm = await h.stripe.paymentMethods.create({
      type: "card",
      card: { number: "4242424242424242", exp_month: 12, exp_year: 2040, cvc: "123" },
    });
    const account = await h.stripe.accounts.create({ type: "express" });
    const pi = await h.stripe.paymentIntents.create({
      amount: 5000,
      currency: "usd",
      payment_method: pm.id,
      confirm: true,
      expand: ["latest_charge.balance_transaction"],
    });
    const charge = pi.latest_charge as Stripe.Charge;
    const refund = await h.stripe.refunds.create({ payment_intent: pi.id, amount: 100 });
    const events = await h.stripe.events.list({ limit: 1 });
    const endpoints = await h.stripe.webhookEndpoints.list();
    expect(customer.id).toMatch(/^cus_/);
    expect(pm.id).toMatch(/^pm_/);
    expect(account.id).toMatch(/^acct_/);
    expect(charge.id).toMatch(/^ch_/);
    expect((charge.balance_transaction as Stripe.BalanceTransaction).id).toMatch(/^txn_/);
    expect(refund.id).toMatch(/^re_/);
    expect(events.data[0].id).toMatch(/^evt_/);
    expect(endpoints.data[0].id).toMatch(/^we_/);
    expect(pm.card).toMatchObject({ brand: "visa", last4: "4242", exp_month: 12, exp_year: 2040, funding: "credit" });
    expect(charge).toMatchObject({
      object: "charge",
      amount: 5000,
      captured: true,
      paid: true,
      status: "succeeded",
      payment_intent: pi.id,
      payment_method: pm.id,
    });
  });

  it("returns the platform account and its connected accounts", async () => {
    const platform = await h.stripe.accounts.retrieveCurrent();
    expect(platform).toMatchObject({ object: "account", charges_enabled: true, payouts_enabled: true });
    const seller = await h.stripe.accounts.create({
      type: "express",
      email: "s@example.com",
      metadata: { seller_id: "42" },
    });
    expect(seller).toMatchObject({
      type: "express",
      charges_enabled: false,
      payouts_enabled: false,
      details_submitted: false,
      email: "s@example.com",
      metadata: { seller_id: "42" },
    });
    expect(seller.requirements?.currently_due).toContain("external_account");
    const updated = await h.stripe.accounts.update(seller.id, { metadata: { tier: "gold" } });
    expect(updated.metadata).toEqual({ seller_id: "42", tier: "gold" });
    const listed = await h.stripe.accounts.list({ limit: 100 });
    expect(listed.data.map((a) => a.id)).toContain(seller.id);
    expect(listed.data.map((a) => a.id)).not.toContain(platform.id);
    expect((await h.stripe.accounts.retrieve(seller.id)).email).toBe("s@example.com");
  });

  it("expands nested ids on request", async () => {
    const created = await h.stripe.paymentIntents.create({
      amount: 700,
      currency: "usd",
      payment_method: "pm_card_visa",
      confirm: true,
    });
    const pi = await h.stripe.paymentIntents.retrieve(created.id, { expand: ["latest_charge", "payment_method"] });
    expect((pi.latest_charge as Stripe.Charge).object).toBe("charge");
    expect((pi.payment_method as Stripe.PaymentMethod).object).toBe("payment_method");
    const list = await h.stripe.paymentIntents.list({ limit: 1, expand: ["data.latest_charge"] });
    expect((list.data[0].latest_charge as Stripe.Charge).object).toBe("charge");
  });
});

describe("errors", () => {
  it("answers 401 without a key or with a bad one", async () => {
    const missing = await raw("/v1/balance", { key: null });
    expect(missing.status).toBe(401);
    expect(missing.json.error?.type).toBe("invalid_request_error");
    const bad = await raw("/v1/balance", { key: "nonsense" });
    expect(bad.status).toBe(401);
    await expect(stripeFor(h.emulator, "sk_live_nope").balance.retrieve()).rejects.toMatchObject({
      type: "StripeAuthenticationError",
      statusCode: 401,
    });
  });

  it("refuses a publishable key on a secret-key endpoint", async () => {
    const res = await raw("/v1/balance", { key: "pk_test_abc" });
    expect(res.status).toBe(401);
  });

  it("answers 404 resource_missing for an unknown id", async () => {
    const err = await stripeErrorOf(h.stripe.paymentIntents.retrieve("pi_doesnotexist"));
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(err).toMatchObject({
      statusCode: 404,
      code: "resource_missing",
      param: "intent",
      message: "No such payment_intent: 'pi_doesnotexist'",
    });
  });

  it("answers 400 for missing, invalid and unknown parameters, naming the parameter", async () => {
    await expect(
      h.stripe.paymentIntents.create({ currency: "usd" } as Stripe.PaymentIntentCreateParams),
    ).rejects.toMatchObject({
      statusCode: 400,
      code: "parameter_missing",
      param: "amount",
    });
    const invalid = await raw("/v1/payment_intents", { method: "POST", body: "amount=abc&currency=usd" });
    expect(invalid.status).toBe(400);
    expect(invalid.json.error).toMatchObject({
      type: "invalid_request_error",
      code: "parameter_invalid_integer",
      param: "amount",
    });
    const unknown = await raw("/v1/payment_intents", { method: "POST", body: "amount=1000&currency=usd&colour=blue" });
    expect(unknown.json.error).toMatchObject({
      code: "parameter_unknown",
      param: "colour",
      message: "Received unknown parameter: colour",
    });
    await expect(h.stripe.paymentIntents.create({ amount: 10, currency: "usd" })).rejects.toMatchObject({
      code: "amount_too_small",
      param: "amount",
    });
  });

  it("answers 404 for an unknown URL", async () => {
    const res = await raw("/v1/nothing_here");
    expect(res.status).toBe(404);
    expect(res.json.error?.message).toContain("Unrecognized request URL");
  });
});

describe("lists", () => {
  it("pages newest first with limit, starting_after and ending_before", async () => {
    const customers = [];
    for (let i = 0; i < 5; i++) customers.push(await h.stripe.customers.create({ email: `page${i}@example.com` }));
    const newestFirst = customers.map((c) => c.id).reverse();
    const first = await h.stripe.customers.list({ limit: 2 });
    expect(first.object).toBe("list");
    expect(first.has_more).toBe(true);
    expect(first.data.map((c) => c.id)).toEqual(newestFirst.slice(0, 2));
    const second = await h.stripe.customers.list({ limit: 2, starting_after: first.data[1].id });
    expect(second.data.map((c) => c.id)).toEqual(newestFirst.slice(2, 4));
    const back = await h.stripe.customers.list({ limit: 2, ending_before: second.data[0].id });
    expect(back.data.map((c) => c.id)).toEqual(newestFirst.slice(0, 2));
    const all: string[] = [];
    for await (const c of h.stripe.customers.list({ limit: 2, email: "page3@example.com" })) all.push(c.id);
    expect(all).toEqual([customers[3].id]);
  });
});

describe("idempotency", () => {
  it("replays the first response for a repeated Idempotency-Key, with Idempotent-Replayed", async () => {
    const params = { amount: 2500, currency: "usd", metadata: { order_id: "idem-1" } };
    const first = await h.stripe.paymentIntents.create(params, { idempotencyKey: "order-idem-1" });
    const again = await h.stripe.paymentIntents.create(params, { idempotencyKey: "order-idem-1" });
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers["idempotent-replayed"]).toBe("true");
    expect(first.lastResponse.headers["idempotent-replayed"]).toBeUndefined();
    const listed = await h.stripe.paymentIntents.list({ limit: 100 });
    expect(listed.data.filter((pi) => pi.metadata.order_id === "idem-1")).toHaveLength(1);
  });

  it("replays byte for byte over raw HTTP", async () => {
    const init = { method: "POST", body: "amount=900&currency=usd", headers: { "Idempotency-Key": "raw-key-1" } };
    const a = await fetch(`${h.emulator.url}/v1/payment_intents`, {
      ...init,
      headers: {
        ...init.headers,
        Authorization: "Bearer sk_test_x",
        "Content-Type": "application/x-www-form-urlencoded",
      },
    });
    const b = await fetch(`${h.emulator.url}/v1/payment_intents`, {
      ...init,
      headers: {
        ...init.headers,
        Authorization: "Bearer sk_test_x",
        "Content-Type": "application/x-www-form-urlencoded",
      },
    });
    expect(await b.text()).toBe(await a.text());
    expect(b.headers.get("idempotent-replayed")).toBe("true");
  });

  it("refuses the same key with different parameters (idempotency_error)", async () => {
    await h.stripe.customers.create({ email: "one@example.com" }, { idempotencyKey: "cust-key" });
    const err = await stripeErrorOf(
      h.stripe.customers.create({ email: "two@example.com" }, { idempotencyKey: "cust-key" }),
    );
    expect(err).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(err).toMatchObject({ statusCode: 400, type: "StripeIdempotencyError" });
  });

  it("replays a card decline, but not a request that failed validation", async () => {
    const declineParams = { amount: 1000, currency: "usd", payment_method: "pm_card_chargeDeclined", confirm: true };
    const first = await stripeErrorOf(h.stripe.paymentIntents.create(declineParams, { idempotencyKey: "decline-1" }));
    const second = await stripeErrorOf(h.stripe.paymentIntents.create(declineParams, { idempotencyKey: "decline-1" }));
    expect(second.payment_intent?.id).toBe(first.payment_intent?.id);
    expect(second.headers?.["idempotent-replayed"]).toBe("true");

    const invalid = { amount: 5, currency: "usd" };
    await expect(h.stripe.paymentIntents.create(invalid, { idempotencyKey: "invalid-1" })).rejects.toMatchObject({
      code: "amount_too_small",
    });
    const retried = await stripeErrorOf(h.stripe.paymentIntents.create(invalid, { idempotencyKey: "invalid-1" }));
    expect(retried.headers?.["idempotent-replayed"]).toBeUndefined();
  });
});
