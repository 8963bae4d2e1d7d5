// Connect: onboarding through an Account Link, transfers (with and without source_transaction),
// reversals, per-account balances, payouts on connected accounts and the emulator's clock.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { amountIn, onboardedAccount, paidCharge, startHarness, stripeErrorOf, type Harness } from "./support";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe("onboarding", () => {
  it("an Account Link leads to a hosted page whose 'Complete verification' enables the account and returns", async () => {
    const account = await h.stripe.accounts.create({ type: "express", email: "maker@example.com" });
    const link = await h.stripe.accountLinks.create({
      account: account.id,
      type: "account_onboarding",
      refresh_url: "https://shop.example/seller/onboarding/refresh",
      return_url: "https://shop.example/seller/onboarding/done",
    });
    expect(link).toMatchObject({ object: "account_link", url: expect.stringContaining(h.emulator.url) });
    expect(link.expires_at).toBeGreaterThan(link.created);

    const page = await (await fetch(link.url)).text();
    expect(page).toContain("Complete verification");
    const done = await fetch(link.url, {
      method: "POST",
      body: new URLSearchParams({ action: "complete" }),
      redirect: "manual",
    });
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("https://shop.example/seller/onboarding/done");

    const enabled = await h.stripe.accounts.retrieve(account.id);
    expect(enabled).toMatchObject({
      charges_enabled: true,
      payouts_enabled: true,
      details_submitted: true,
      requirements: { currently_due: [] },
    });
    expect(enabled.capabilities?.transfers).toBe("active");

    // A used link sends the seller to refresh_url, as Stripe's do.
    const reused = await fetch(link.url, { redirect: "manual" });
    expect(reused.headers.get("location")).toBe("https://shop.example/seller/onboarding/refresh");

    await h.control.flushDeliveries();
    const updated = h.receiver.events("account.updated").find((e) => e.account === account.id);
    expect(updated).toBeDefined();
    expect((updated!.data.previous_attributes as { charges_enabled: boolean }).charges_enabled).toBe(false);
  });

  it("refuses transfers to an account that has not finished onboarding", async () => {
    const account = await h.stripe.accounts.create({ type: "express" });
    await paidCharge(h.stripe, 1000);
    await expect(
      h.stripe.transfers.create({ amount: 100, currency: "usd", destination: account.id }),
    ).rejects.toMatchObject({
      code: "insufficient_capabilities_for_transfer",
    });
  });
});

describe("transfers and reversals", () => {
  it("a transfer above the platform's available balance fails without source_transaction and succeeds with it", async () => {
    await h.control.reset();
    const seller = await onboardedAccount(h);
    const { chargeId } = await paidCharge(h.stripe, 10_000, { transfer_group: "ORDER_77" });
    await h.stripe.transfers.create({ amount: 7000, currency: "usd", destination: seller.id });
    expect(amountIn(await h.stripe.balance.retrieve())).toBe(3000);

    const refused = await stripeErrorOf(
      h.stripe.transfers.create({ amount: 5000, currency: "usd", destination: seller.id }),
    );
    expect(refused).toMatchObject({ statusCode: 400, type: "StripeInvalidRequestError", code: "balance_insufficient" });

    const funded = await h.stripe.transfers.create({
      amount: 5000,
      currency: "usd",
      destination: seller.id,
      source_transaction: chargeId,
      transfer_group: "ORDER_77",
      metadata: { order_id: "77" },
    });
    expect(funded).toMatchObject({
      object: "transfer",
      amount: 5000,
      destination: seller.id,
      source_transaction: chargeId,
      transfer_group: "ORDER_77",
      reversed: false,
      amount_reversed: 0,
      metadata: { order_id: "77" },
    });
    expect(funded.id).toMatch(/^tr_/);
    // The charge cannot fund more than it brought in, less what it already funded.
    await expect(
      h.stripe.transfers.create({
        amount: 5001,
        currency: "usd",
        destination: seller.id,
        source_transaction: chargeId,
      }),
    ).rejects.toMatchObject({ code: "balance_insufficient" });

    const sellerBalance = await h.stripe.balance.retrieve({}, { stripeAccount: seller.id });
    expect(amountIn(sellerBalance)).toBe(12_000);
    expect((await h.stripe.transfers.list({ transfer_group: "ORDER_77" })).data.map((t) => t.id)).toEqual([funded.id]);
  });

  it("reversals move money back from the connected account, partially then fully", async () => {
    await h.control.reset();
    const seller = await onboardedAccount(h);
    const { chargeId } = await paidCharge(h.stripe, 8000);
    const transfer = await h.stripe.transfers.create({
      amount: 6000,
      currency: "usd",
      destination: seller.id,
      source_transaction: chargeId,
    });
    const partial = await h.stripe.transfers.createReversal(transfer.id, { amount: 2000 });
    expect(partial).toMatchObject({ object: "transfer_reversal", amount: 2000, transfer: transfer.id });
    expect(partial.id).toMatch(/^trr_/);
    expect(amountIn(await h.stripe.balance.retrieve())).toBe(4000);
    expect(amountIn(await h.stripe.balance.retrieve({}, { stripeAccount: seller.id }))).toBe(4000);

    await h.stripe.transfers.createReversal(transfer.id);
    const reversed = await h.stripe.transfers.retrieve(transfer.id);
    expect(reversed).toMatchObject({ amount_reversed: 6000, reversed: true });
    expect(reversed.reversals.data).toHaveLength(2);
    expect(amountIn(await h.stripe.balance.retrieve())).toBe(8000);
    expect(amountIn(await h.stripe.balance.retrieve({}, { stripeAccount: seller.id }))).toBe(0);
    await expect(h.stripe.transfers.createReversal(transfer.id, { amount: 1 })).rejects.toMatchObject({
      code: "transfer_already_reversed",
    });

    await h.control.flushDeliveries();
    expect(
      h.receiver.events("transfer.reversed").filter((e) => (e.data.object as { id: string }).id === transfer.id),
    ).toHaveLength(2);
  });

  it("refunds after a transfer leave the platform to cover them, as on Stripe", async () => {
    await h.control.reset();
    const seller = await onboardedAccount(h);
    const { pi, chargeId } = await paidCharge(h.stripe, 5000);
    await h.stripe.transfers.create({
      amount: 4000,
      currency: "usd",
      destination: seller.id,
      source_transaction: chargeId,
    });
    await h.stripe.refunds.create({ payment_intent: pi.id });
    expect(amountIn(await h.stripe.balance.retrieve())).toBe(-4000);
    const txns = await h.stripe.balanceTransactions.list({ limit: 10 });
    expect(txns.data.map((t) => t.type)).toEqual(["refund", "transfer", "charge"]);
  });
});

describe("payouts", () => {
  it("pays out a connected account's balance: pending, then paid once the clock passes the arrival date", async () => {
    await h.control.reset();
    const seller = await onboardedAccount(h);
    const { chargeId } = await paidCharge(h.stripe, 9000);
    await h.stripe.transfers.create({
      amount: 9000,
      currency: "usd",
      destination: seller.id,
      source_transaction: chargeId,
    });
    const asSeller = { stripeAccount: seller.id };

    await expect(h.stripe.payouts.create({ amount: 9001, currency: "usd" }, asSeller)).rejects.toMatchObject({
      code: "balance_insufficient",
    });
    const payout = await h.stripe.payouts.create(
      { amount: 6000, currency: "usd", metadata: { batch: "weekly" } },
      asSeller,
    );
    expect(payout).toMatchObject({
      object: "payout",
      amount: 6000,
      status: "pending",
      method: "standard",
      metadata: { batch: "weekly" },
    });
    expect(payout.id).toMatch(/^po_/);
    expect(amountIn(await h.stripe.balance.retrieve({}, asSeller))).toBe(3000);
    // The platform cannot see the seller's payout without the header.
    await expect(h.stripe.payouts.retrieve(payout.id)).rejects.toMatchObject({ statusCode: 404 });

    const { now } = await h.control.advanceClock(3 * 86_400);
    expect(now).toBeGreaterThan(payout.arrival_date);
    expect((await h.stripe.payouts.retrieve(payout.id, {}, asSeller)).status).toBe("paid");
    expect((await h.stripe.payouts.list({}, asSeller)).data.map((p) => p.id)).toEqual([payout.id]);

    await h.control.flushDeliveries();
    const paid = h.receiver.events("payout.paid");
    expect(paid).toHaveLength(1);
    expect(paid[0].account).toBe(seller.id);
    expect(h.receiver.events("payout.created")[0].account).toBe(seller.id);
  });

  it("a failed payout returns the money and emits payout.failed", async () => {
    await h.control.reset();
    const seller = await onboardedAccount(h);
    const { chargeId } = await paidCharge(h.stripe, 4000);
    await h.stripe.transfers.create({
      amount: 4000,
      currency: "usd",
      destination: seller.id,
      source_transaction: chargeId,
    });
    const payout = await h.stripe.payouts.create({ amount: 4000, currency: "usd" }, { stripeAccount: seller.id });
    expect(amountIn(await h.stripe.balance.retrieve({}, { stripeAccount: seller.id }))).toBe(0);

    const failed = await h.control.failPayout(payout.id, { failureCode: "account_closed" });
    expect(failed).toMatchObject({
      status: "failed",
      failure_code: "account_closed",
      failure_balance_transaction: expect.stringMatching(/^txn_/),
    });
    expect(amountIn(await h.stripe.balance.retrieve({}, { stripeAccount: seller.id }))).toBe(4000);
    await h.control.flushDeliveries();
    expect(h.receiver.events("payout.failed").map((e) => e.account)).toEqual([seller.id]);
  });

  it("refuses payouts from an account that has not finished onboarding", async () => {
    const account = await h.stripe.accounts.create({ type: "express" });
    await expect(
      h.stripe.payouts.create({ amount: 100, currency: "usd" }, { stripeAccount: account.id }),
    ).rejects.toMatchObject({ code: "payouts_not_allowed" });
  });

  it("payPendingPayouts pays pending payouts at once", async () => {
    await h.control.reset();
    const seller = await onboardedAccount(h);
    const { chargeId } = await paidCharge(h.stripe, 2000);
    await h.stripe.transfers.create({
      amount: 2000,
      currency: "usd",
      destination: seller.id,
      source_transaction: chargeId,
    });
    const payout = await h.stripe.payouts.create({ amount: 2000, currency: "usd" }, { stripeAccount: seller.id });
    expect(await h.control.payPendingPayouts(seller.id)).toEqual([payout.id]);
    expect((await h.stripe.payouts.retrieve(payout.id, {}, { stripeAccount: seller.id })).status).toBe("paid");
  });
});

describe("clock", () => {
  it("stamps new objects with the advanced clock", async () => {
    const before = (await h.control.info()).now;
    await h.control.advanceClock(30 * 86_400);
    const customer = await h.stripe.customers.create({ email: "later@example.com" });
    expect(customer.created).toBeGreaterThanOrEqual(before + 30 * 86_400);
  });
});
