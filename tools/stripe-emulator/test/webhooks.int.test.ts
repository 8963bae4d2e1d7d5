// Events and webhooks: Stripe's signature scheme, retries with backoff until a 2xx, disputes,
// the Events API, and chaos mode (duplicated and reordered deliveries, failing API calls).
import Stripe from "stripe";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

import {
  amountIn,
  onboardedAccount,
  paidCharge,
  startHarness,
  stripeFor,
  WEBHOOK_SECRET,
  type Harness,
} from "./support";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.control.reset();
  h.receiver.received.length = 0;
  h.receiver.respond = () => 200;
  h.receiver.maxInFlight = 0;
});

describe("delivery", () => {
  it("signs every delivery as Stripe does, so stripe.webhooks.constructEvent accepts it", async () => {
    const { pi } = await paidCharge(h.stripe, 2500, { metadata: { order_id: "sig-1" } });
    expect((await h.control.flushDeliveries()).settled).toBe(true);
    const types = h.receiver.events().map((e) => e.type);
    expect(types).toEqual(["payment_intent.created", "charge.succeeded", "payment_intent.succeeded"]);
    for (const delivery of h.receiver.received) {
      expect(delivery.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      const event = h.stripe.webhooks.constructEvent(delivery.body, delivery.signature, WEBHOOK_SECRET);
      expect(event.id).toMatch(/^evt_/);
      expect(() => h.stripe.webhooks.constructEvent(delivery.body, delivery.signature, "whsec_wrong")).toThrow(
        Stripe.errors.StripeSignatureVerificationError,
      );
    }
    const succeeded = h.receiver.events("payment_intent.succeeded")[0];
    expect(succeeded).toMatchObject({
      object: "event",
      api_version: Stripe.API_VERSION,
      livemode: false,
      data: { object: { id: pi.id, status: "succeeded", metadata: { order_id: "sig-1" } } },
    });
    expect(succeeded.request?.idempotency_key).toMatch(/^stripe-node-retry-/);
    expect(succeeded.account).toBeUndefined();
  });

  it("retries a failing endpoint with backoff and stops after the first 2xx (fails twice, then 3 attempts in all)", async () => {
    h.receiver.respond = (index) => (index < 2 ? 500 : 200);
    const customer = await h.stripe.customers.create({ email: "retry@example.com" });
    await h.control.flushDeliveries();
    expect(h.receiver.received).toHaveLength(3);
    expect(new Set(h.receiver.events().map((e) => e.id)).size).toBe(1);
    const [delivery] = await h.control.listDeliveries({ eventType: "customer.created" });
    expect(delivery).toMatchObject({ status: "succeeded" });
    expect(delivery.attempts.map((a) => a.status)).toEqual([500, 500, 200]);
    // Exponential backoff: the second wait is about twice the first (retryBaseMs 20).
    const [a, b, c] = delivery.attempts.map((x) => x.at);
    expect(b - a).toBeGreaterThanOrEqual(20);
    expect(c - b).toBeGreaterThanOrEqual(40);
    expect(((await h.stripe.events.list({ type: "customer.created" })).data[0].data.object as Stripe.Customer).id).toBe(
      customer.id,
    );
    expect((await h.stripe.events.list({ type: "customer.created" })).data[0].pending_webhooks).toBe(0);
  });

  it("gives up after the attempt cap", async () => {
    const capped = await startHarness({ maxAttempts: 3, retryBaseMs: 5 });
    try {
      capped.receiver.respond = () => 503;
      await capped.stripe.customers.create({ email: "never@example.com" });
      expect((await capped.control.flushDeliveries()).settled).toBe(true);
      const [delivery] = await capped.control.listDeliveries();
      expect(delivery.status).toBe("failed");
      expect(delivery.attempts).toHaveLength(3);
      expect(capped.receiver.received).toHaveLength(3);
    } finally {
      await capped.close();
    }
  });

  it("labels connected accounts' events with `account` and lists them under Stripe-Account", async () => {
    const seller = await onboardedAccount(h);
    await h.control.flushDeliveries();
    const updated = h.receiver.events("account.updated")[0];
    expect(updated.account).toBe(seller.id);
    const own = await h.stripe.events.list({ type: "account.updated" }, { stripeAccount: seller.id });
    expect(own.data.map((e) => e.id)).toEqual([updated.id]);
    expect((await h.stripe.events.list({ type: "account.updated" })).data).toHaveLength(0);
    expect((await h.stripe.events.retrieve(updated.id, {}, { stripeAccount: seller.id })).type).toBe("account.updated");
  });

  it("the configured endpoint can subscribe to some event types and take several deliveries at once", async () => {
    const picky = await startHarness({
      webhookEvents: ["payment_intent.succeeded", "customer.created"],
      webhookConcurrency: 3,
    });
    try {
      picky.receiver.delayMs = 60;
      for (let i = 0; i < 4; i++) await paidCharge(picky.stripe, 1000 + i);
      await picky.stripe.customers.create({ email: "picky@example.com" });
      expect((await picky.control.flushDeliveries()).settled).toBe(true);
      expect(
        picky.receiver
          .events()
          .map((e) => e.type)
          .sort(),
      ).toEqual(["customer.created", ...Array(4).fill("payment_intent.succeeded")]);
      expect(picky.receiver.maxInFlight).toBe(3);
      // The default: one at a time, every type.
      h.receiver.delayMs = 30;
      await paidCharge(h.stripe, 500);
      await h.control.flushDeliveries();
      expect(h.receiver.events().map((e) => e.type)).toEqual([
        "payment_intent.created",
        "charge.succeeded",
        "payment_intent.succeeded",
      ]);
      expect(h.receiver.maxInFlight).toBe(1);
    } finally {
      h.receiver.delayMs = 0;
      await picky.close();
    }
  });

  it("delivers to endpoints created through the API with their own secret", async () => {
    const endpoint = await h.stripe.webhookEndpoints.create({
      url: h.receiver.url,
      enabled_events: ["customer.created"],
    });
    expect(endpoint.secret).toMatch(/^whsec_/);
    expect((await h.stripe.webhookEndpoints.retrieve(endpoint.id)).secret).toBeUndefined();
    await h.stripe.customers.create({ email: "two-endpoints@example.com" });
    await h.control.flushDeliveries();
    expect(h.receiver.received).toHaveLength(2);
    const verified = h.receiver.received.filter((r) => {
      try {
        h.stripe.webhooks.constructEvent(r.body, r.signature, endpoint.secret!);
        return true;
      } catch {
        return false;
      }
    });
    expect(verified).toHaveLength(1);
    await h.stripe.webhookEndpoints.del(endpoint.id);
  });
});

describe("disputes", () => {
  it("4000000000000259 succeeds, then a dispute is opened shortly after (charge.dispute.created)", async () => {
    const pm = await h.stripe.paymentMethods.create({
      type: "card",
      card: { number: "4000000000000259", exp_month: 1, exp_year: 2041, cvc: "314" },
    });
    const { pi, chargeId } = await paidCharge(h.stripe, 8000, { payment_method: pm.id });
    expect(pi.status).toBe("succeeded");
    await h.control.flushDeliveries();
    const created = h.receiver.events("charge.dispute.created");
    expect(created).toHaveLength(1);
    const dispute = created[0].data.object as Stripe.Dispute;
    expect(dispute).toMatchObject({
      object: "dispute",
      charge: chargeId,
      payment_intent: pi.id,
      amount: 8000,
      reason: "fraudulent",
      status: "needs_response",
    });
    expect(dispute.id).toMatch(/^dp_/);
    expect((await h.stripe.charges.retrieve(chargeId)).disputed).toBe(true);
    // The disputed amount and Stripe's dispute fee leave the platform's balance.
    expect(amountIn(await h.stripe.balance.retrieve())).toBe(-1500);
    expect(dispute.balance_transactions).toMatchObject([
      { amount: -8000, fee: 1500, net: -9500, reporting_category: "dispute" },
    ]);
    await expect(h.stripe.refunds.create({ charge: chargeId })).rejects.toMatchObject({ code: "charge_disputed" });
  });

  it("the control API opens a dispute; winning it reinstates the funds", async () => {
    const { chargeId } = await paidCharge(h.stripe, 3000);
    const dispute = await h.control.triggerDispute(chargeId, { reason: "product_not_received" });
    expect(amountIn(await h.stripe.balance.retrieve())).toBe(-1500);
    const updated = await h.stripe.disputes.update(dispute.id, {
      evidence: { uncategorized_text: "Tracking shows delivery" },
    });
    expect(updated.status).toBe("under_review");
    const won = await h.control.closeDispute(dispute.id, "won");
    // Won: the amount and the fee come back.
    expect(amountIn(await h.stripe.balance.retrieve())).toBe(3000);
    expect(won.balance_transactions.reduce((sum, t) => sum + t.fee, 0)).toBe(0);
    await h.control.flushDeliveries();
    expect(h.receiver.events().map((e) => e.type)).toEqual(
      expect.arrayContaining([
        "charge.dispute.created",
        "charge.dispute.funds_withdrawn",
        "charge.dispute.updated",
        "charge.dispute.funds_reinstated",
        "charge.dispute.closed",
      ]),
    );
  });

  it("a lost dispute keeps the amount and the fee; a closed one cannot be closed again", async () => {
    const { chargeId } = await paidCharge(h.stripe, 2000);
    const dispute = await h.control.triggerDispute(chargeId);
    const lost = await h.control.closeDispute(dispute.id, "lost");
    expect(lost).toMatchObject({ status: "lost" });
    expect(amountIn(await h.stripe.balance.retrieve())).toBe(-1500);
    expect((await h.stripe.disputes.retrieve(dispute.id)).status).toBe("lost");
    await expect(h.control.closeDispute(dispute.id, "won")).rejects.toMatchObject({ status: 400 });
  });
});

describe("chaos mode", () => {
  afterEach(() => h.control.disableChaos());

  it("duplicates and reorders deliveries", async () => {
    await h.control.enableChaos({ seed: 42, webhooks: { maxCopies: 5, maxDelayMs: 150 } });
    const created: string[] = [];
    for (let i = 0; i < 20; i++) created.push((await h.stripe.customers.create({ email: `chaos${i}@example.com` })).id);
    expect((await h.control.flushDeliveries()).settled).toBe(true);
    const received = h.receiver.events("customer.created");
    const firstSeen = [...new Set(received.map((e) => (e.data.object as Stripe.Customer).id))];
    expect(new Set(firstSeen)).toEqual(new Set(created));
    expect(received.length).toBeGreaterThan(created.length);
    expect(firstSeen).not.toEqual(created);
    for (const r of h.receiver.received)
      expect(() => h.stripe.webhooks.constructEvent(r.body, r.signature, WEBHOOK_SECRET)).not.toThrow();
  });

  it("fails API calls with 500s when asked", async () => {
    await h.control.enableChaos({ api: { errorRate: 1 } });
    await expect(h.stripe.customers.create({ email: "x@example.com" })).rejects.toMatchObject({
      type: "StripeAPIError",
      statusCode: 500,
    });
    await h.control.disableChaos();
    expect((await h.stripe.customers.list()).data).toHaveLength(0);
  });

  it("hangs API calls into client timeouts after running them; a retry with the same key gets the original result", async () => {
    await h.control.enableChaos({ api: { timeoutRate: 1, hangMs: 2000 } });
    const impatient = new Stripe("sk_test_conformance", {
      host: "127.0.0.1",
      port: h.emulator.port,
      protocol: "http",
      maxNetworkRetries: 0,
      timeout: 300,
    });
    const params = { amount: 1800, currency: "usd", metadata: { order_id: "timeout-1" } };
    await expect(impatient.paymentIntents.create(params, { idempotencyKey: "timeout-1" })).rejects.toBeInstanceOf(
      Stripe.errors.StripeConnectionError,
    );
    await h.control.disableChaos();
    const retried = await stripeFor(h.emulator).paymentIntents.create(params, { idempotencyKey: "timeout-1" });
    expect(retried.lastResponse.headers["idempotent-replayed"]).toBe("true");
    expect((await h.stripe.paymentIntents.list()).data.map((pi) => pi.id)).toEqual([retried.id]);
  });
});
