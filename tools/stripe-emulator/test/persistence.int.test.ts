// State is kept in the data dir and survives a restart: objects, balances, the clock,
// idempotent results and webhook deliveries still owed.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { amountIn, onboardedAccount, paidCharge, startHarness, type Harness } from "./support";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ retryBaseMs: 50 });
});
afterAll(() => h.close());

describe("persistence", () => {
  it("keeps payments, accounts, transfers, payouts, balances and the clock across a restart", async () => {
    const seller = await onboardedAccount(h, "persist@example.com");
    const { pi, chargeId } = await paidCharge(h.stripe, 7000, { metadata: { order_id: "p-1" } });
    const transfer = await h.stripe.transfers.create({
      amount: 5000,
      currency: "usd",
      destination: seller.id,
      source_transaction: chargeId,
    });
    const payout = await h.stripe.payouts.create({ amount: 1000, currency: "usd" }, { stripeAccount: seller.id });
    await h.control.advanceClock(3600);
    const clockBefore = (await h.control.info()).clockOffset;
    const keyed = await h.stripe.customers.create({ email: "keyed@example.com" }, { idempotencyKey: "persisted-key" });

    await h.restart();

    expect(await h.stripe.paymentIntents.retrieve(pi.id)).toMatchObject({
      status: "succeeded",
      metadata: { order_id: "p-1" },
    });
    expect(await h.stripe.accounts.retrieve(seller.id)).toMatchObject({
      payouts_enabled: true,
      email: "persist@example.com",
    });
    expect((await h.stripe.transfers.retrieve(transfer.id)).amount).toBe(5000);
    expect((await h.stripe.payouts.retrieve(payout.id, {}, { stripeAccount: seller.id })).status).toBe("pending");
    expect(amountIn(await h.stripe.balance.retrieve())).toBe(2000);
    expect(amountIn(await h.stripe.balance.retrieve({}, { stripeAccount: seller.id }))).toBe(4000);
    expect((await h.control.info()).clockOffset).toBe(clockBefore);
    const replayed = await h.stripe.customers.create(
      { email: "keyed@example.com" },
      { idempotencyKey: "persisted-key" },
    );
    expect(replayed.id).toBe(keyed.id);
    expect(replayed.lastResponse.headers["idempotent-replayed"]).toBe("true");
  });

  it("writes the state atomically as one JSON file", () => {
    expect(readdirSync(h.dataDir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    const state = JSON.parse(readFileSync(join(h.dataDir, "state.json"), "utf8")) as {
      version: number;
      paymentIntents: object;
    };
    expect(state.version).toBe(1);
    expect(Object.keys(state.paymentIntents).length).toBeGreaterThan(0);
  });

  it("resumes webhook deliveries still owed after a restart", async () => {
    h.receiver.received.length = 0;
    h.receiver.respond = () => 500;
    const customer = await h.stripe.customers.create({ email: "owed@example.com" });
    await expect.poll(() => h.receiver.received.length, { timeout: 5000 }).toBeGreaterThan(0);
    await h.restart();
    h.receiver.respond = () => 200;
    expect((await h.control.flushDeliveries()).settled).toBe(true);
    const [delivery] = await h.control.listDeliveries({ eventType: "customer.created", status: "succeeded" });
    expect(delivery.attempts.at(-1)?.status).toBe(200);
    expect(h.receiver.events("customer.created").map((e) => (e.data.object as { id: string }).id)).toContain(
      customer.id,
    );
  });
});
