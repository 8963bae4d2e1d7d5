// Connect as Stripe runs it: a platform endpoint and a Connect endpoint, each signing with its
// own secret and receiving only its own events; connected accounts' payout schedules, where
// anything but "manual" pays the account's balance out by itself.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import {
  amountIn,
  onboardedAccount,
  paidCharge,
  startHarness,
  WEBHOOK_SECRET,
  WebhookReceiver,
  type Harness,
} from "./support";

const CONNECT_SECRET = "whsec_conformance_connect_secret";
let h: Harness;
let connect: WebhookReceiver;
beforeAll(async () => {
  connect = await WebhookReceiver.start();
  h = await startHarness({ connectWebhookSecret: CONNECT_SECRET, connectWebhookUrl: connect.url });
});
afterAll(async () => {
  await h.close();
  await connect.close();
});
beforeEach(async () => {
  await h.control.reset();
  h.receiver.received.length = 0;
  connect.received.length = 0;
});

describe("two endpoints, two secrets", () => {
  it("delivers the platform's events to the platform endpoint and connected accounts' events to the Connect endpoint, each signed with its own secret", async () => {
    const account = await onboardedAccount(h);
    const { pi } = await paidCharge(h.stripe, 1_000);
    await h.stripe.transfers.create({ amount: 700, currency: "usd", destination: account.id });
    await h.stripe.payouts.create({ amount: 500, currency: "usd" }, { stripeAccount: account.id });
    await h.control.flushDeliveries();

    const platform = h.receiver.events();
    const connected = connect.events();
    expect(platform.map((e) => e.type)).toEqual(
      expect.arrayContaining(["payment_intent.succeeded", "transfer.created"]),
    );
    expect(platform.every((e) => !e.account)).toBe(true);
    expect(connected.map((e) => e.type)).toEqual(expect.arrayContaining(["account.updated", "payout.created"]));
    expect(connected.every((e) => e.account === account.id)).toBe(true);
    expect(platform.find((e) => e.type === "payment_intent.succeeded")!.data.object).toMatchObject({ id: pi.id });

    for (const d of h.receiver.received) {
      expect(h.stripe.webhooks.constructEvent(d.body, d.signature, WEBHOOK_SECRET).id).toBe(d.event.id);
      expect(() => h.stripe.webhooks.constructEvent(d.body, d.signature, CONNECT_SECRET)).toThrow();
    }
    for (const d of connect.received) {
      expect(h.stripe.webhooks.constructEvent(d.body, d.signature, CONNECT_SECRET).id).toBe(d.event.id);
      expect(() => h.stripe.webhooks.constructEvent(d.body, d.signature, WEBHOOK_SECRET)).toThrow();
    }
  });
});

describe("payout schedules", () => {
  it("a new account pays out daily by default; a manual one is set and shown as such", async () => {
    const daily = await h.stripe.accounts.create({ type: "express" });
    expect(daily.settings?.payouts?.schedule).toMatchObject({ interval: "daily", delay_days: 2 });
    const manual = await h.stripe.accounts.create({
      type: "express",
      settings: { payouts: { schedule: { interval: "manual" } } },
    });
    expect((await h.stripe.accounts.retrieve(manual.id)).settings?.payouts?.schedule.interval).toBe("manual");
    const updated = await h.stripe.accounts.update(daily.id, {
      settings: { payouts: { schedule: { interval: "weekly" } } },
    });
    expect(updated.settings?.payouts?.schedule.interval).toBe("weekly");
    await expect(
      h.stripe.accounts.create({
        type: "express",
        settings: { payouts: { schedule: { interval: "hourly" as "daily" } } },
      }),
    ).rejects.toMatchObject({ param: "settings[payouts][schedule][interval]" });
  });

  it("an automatic schedule pays the whole balance out by itself once its interval passes; a manual one keeps it", async () => {
    const automatic = await onboardedAccount(h, "auto@example.com", "daily");
    const manual = await onboardedAccount(h, "manual@example.com", "manual");
    await paidCharge(h.stripe, 5_000);
    for (const destination of [automatic.id, manual.id])
      await h.stripe.transfers.create({ amount: 2_000, currency: "usd", destination });

    await h.control.advanceClock(86_400 + 60);
    await h.control.flushDeliveries();
    const autoPayouts = await h.stripe.payouts.list({}, { stripeAccount: automatic.id });
    expect(autoPayouts.data.map((p) => [p.amount, p.automatic])).toEqual([[2_000, true]]);
    expect(amountIn(await h.stripe.balance.retrieve({}, { stripeAccount: automatic.id }))).toBe(0);
    expect(connect.events("payout.created").some((e) => e.account === automatic.id)).toBe(true);

    expect((await h.stripe.payouts.list({}, { stripeAccount: manual.id })).data).toHaveLength(0);
    expect(amountIn(await h.stripe.balance.retrieve({}, { stripeAccount: manual.id }))).toBe(2_000);
  });
});
