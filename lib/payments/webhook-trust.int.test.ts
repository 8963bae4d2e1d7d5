import { createHmac } from "node:crypto";

import type Stripe from "stripe";
import { describe, expect, it } from "vitest";

import { POST as webhookRoute } from "@/app/api/webhooks/stripe/route";
import { db } from "@/lib/db/client";
import { buyerWithAddress, deliver, eventsAbout, onboardedSeller, placeCheckout } from "@/test/payment-scenario";

import { handleStripeEvent } from "./handle-stripe-event";
import { listWebhookAnomalies } from "./list-webhook-anomalies";
import { startCheckoutPayment } from "./start-checkout-payment";
import { stripe } from "./stripe-client";

async function unpaidCheckout(priceCents = 4_200) {
  const s = await onboardedSeller();
  const buyer = await buyerWithAddress();
  const checkout = await placeCheckout({ buyer, lines: [{ sellerId: s.seller.id, priceCents }] });
  return { buyer, checkoutId: checkout.checkout_id, orderId: checkout.orders[0].order_id };
}

async function expectUnpaid(checkoutId: string, orderId: string) {
  expect(await db().checkout.findUniqueOrThrow({ where: { id: checkoutId }, select: { status: true } })).toEqual({
    status: "payment_pending",
  });
  expect(
    await db().order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true, escrowStatus: true } }),
  ).toEqual({ status: "pending", escrowStatus: "none" });
  expect(await db().ledgerEntry.count({ where: { orderId } })).toBe(0);
}

async function succeededEvents(piId: string): Promise<Stripe.Event[]> {
  const events = (await eventsAbout([piId])).filter((e) => e.type === "payment_intent.succeeded");
  expect(events).toHaveLength(1);
  return events;
}

describe("payment_intent.succeeded counts only for the checkout's own PaymentIntent, amount and currency", () => {
  it("a PaymentIntent that names the checkout in its metadata but is not the one stored on it is recorded, not captured", async () => {
    const { buyer, checkoutId, orderId } = await unpaidCheckout();
    await startCheckoutPayment({ checkoutId, buyerId: buyer.id });
    const foreign = await stripe().paymentIntents.create({
      amount: 4_200,
      currency: "usd",
      metadata: { checkout_id: checkoutId },
      payment_method: "pm_card_visa",
      confirm: true,
    });
    expect(foreign.status).toBe("succeeded");
    const events = await succeededEvents(foreign.id);
    expect(await handleStripeEvent(events[0])).toBe("anomaly");
    await deliver(events); // a replay records nothing more
    await expectUnpaid(checkoutId, orderId);
    const anomalies = (await listWebhookAnomalies()).filter((a) => a.objectId === foreign.id);
    expect(anomalies).toHaveLength(1);
    expect(anomalies[0]).toMatchObject({
      eventId: events[0].id,
      eventType: "payment_intent.succeeded",
      checkoutId,
      mismatches: ["payment_intent"],
    });
  });

  it("the checkout's own PaymentIntent with its amount changed is recorded, not captured", async () => {
    const { buyer, checkoutId, orderId } = await unpaidCheckout();
    const { paymentIntentId } = await startCheckoutPayment({ checkoutId, buyerId: buyer.id });
    await stripe().paymentIntents.update(paymentIntentId, { amount: 100 });
    await stripe().paymentIntents.confirm(paymentIntentId, { payment_method: "pm_card_visa" });
    await deliver(await succeededEvents(paymentIntentId));
    await expectUnpaid(checkoutId, orderId);
    const [anomaly] = (await listWebhookAnomalies()).filter((a) => a.objectId === paymentIntentId);
    expect(anomaly).toMatchObject({ checkoutId, mismatches: ["amount"] });
    expect(anomaly.detail).toContain("received 100, the checkout's total is 4200");
  });

  it("the checkout's own PaymentIntent in another currency is recorded, not captured", async () => {
    const { buyer, checkoutId, orderId } = await unpaidCheckout();
    const { paymentIntentId } = await startCheckoutPayment({ checkoutId, buyerId: buyer.id });
    await stripe().paymentIntents.update(paymentIntentId, { currency: "eur" });
    await stripe().paymentIntents.confirm(paymentIntentId, { payment_method: "pm_card_visa" });
    await deliver(await succeededEvents(paymentIntentId));
    await expectUnpaid(checkoutId, orderId);
    expect((await listWebhookAnomalies()).find((a) => a.objectId === paymentIntentId)).toMatchObject({
      checkoutId,
      mismatches: ["currency"],
    });
  });

  it("a PaymentIntent for no checkout at all is recorded", async () => {
    const stray = await stripe().paymentIntents.create({
      amount: 999,
      currency: "usd",
      payment_method: "pm_card_visa",
      confirm: true,
    });
    await deliver(await succeededEvents(stray.id));
    expect((await listWebhookAnomalies()).find((a) => a.objectId === stray.id)).toMatchObject({
      checkoutId: null,
      mismatches: ["checkout"],
    });
  });

  it("an event about an object Stripe does not know is acknowledged with 2xx and recorded; the checkout it names stays unpaid", async () => {
    const { checkoutId, orderId } = await unpaidCheckout();
    const real = (await stripe().events.list({ limit: 1, type: "payment_intent.succeeded" })).data[0];
    const forged = {
      ...real,
      id: `evt_forged_${checkoutId.slice(0, 8)}`,
      data: { object: { ...real.data.object, id: "pi_3NotKnownToStripe", metadata: { checkout_id: checkoutId } } },
    } as unknown as Stripe.Event;
    const payload = JSON.stringify(forged);
    const t = Math.floor(Date.now() / 1000);
    const signature = `t=${t},v1=${createHmac("sha256", process.env.STRIPE_WEBHOOK_SECRET!).update(`${t}.${payload}`).digest("hex")}`;
    const post = () =>
      webhookRoute(
        new Request("http://localhost/api/webhooks/stripe", {
          method: "POST",
          headers: { "stripe-signature": signature },
          body: payload,
        }),
      );
    const res = await post();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ received: true, outcome: "anomaly" });
    expect(await (await post()).json()).toMatchObject({ outcome: "duplicate" });
    await expectUnpaid(checkoutId, orderId);
    const anomalies = (await listWebhookAnomalies()).filter((a) => a.objectId === "pi_3NotKnownToStripe");
    expect(anomalies).toEqual([expect.objectContaining({ eventId: forged.id, mismatches: ["object"] })]);
    // The same for a connected account Stripe does not know.
    const account = {
      ...forged,
      id: `evt_acct_${checkoutId.slice(0, 8)}`,
      type: "account.updated",
      data: { object: { id: "acct_NotKnown" } },
    } as unknown as Stripe.Event;
    expect(await handleStripeEvent(account)).toBe("anomaly");
  });
});
