import { createHmac } from "node:crypto";

import type Stripe from "stripe";
import { describe, expect, it } from "vitest";

import { POST as connectRoute } from "@/app/api/webhooks/stripe-connect/route";
import { POST as platformRoute } from "@/app/api/webhooks/stripe/route";
import { db } from "@/lib/db/client";
import { buyerWithAddress, eventsAbout, onboardedSeller, payCheckout, placeCheckout } from "@/test/payment-scenario";

import { stripe } from "./stripe-client";

const signed = (event: Stripe.Event, secret: string) => {
  const body = JSON.stringify(event);
  const t = Math.floor(Date.now() / 1000);
  return { body, signature: `t=${t},v1=${createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")}` };
};
const post = async (route: (req: Request) => Promise<Response>, event: Stripe.Event, secret: string) => {
  const { body, signature } = signed(event, secret);
  const res = await route(
    new Request("http://localhost/api/webhooks", { method: "POST", headers: { "stripe-signature": signature }, body }),
  );
  return { status: res.status, body: (await res.json()) as { outcome?: string } };
};
const PLATFORM = process.env.STRIPE_WEBHOOK_SECRET!;
const CONNECT = process.env.STRIPE_CONNECT_WEBHOOK_SECRET!;

describe("two Stripe endpoints with two signing secrets", () => {
  it("connected accounts' events are applied on the Connect endpoint only, with its own secret", async () => {
    const s = await onboardedSeller();
    await db().sellerProfile.update({ where: { id: s.seller.id }, data: { payoutsEnabled: false } });
    // A connected account's events are listed on that account, as on Stripe.
    const [updated] = (
      await stripe().events.list({ type: "account.updated", limit: 1 }, { stripeAccount: s.accountId })
    ).data;
    expect(updated.account).toBe(s.accountId);

    expect((await post(connectRoute, updated, PLATFORM)).status).toBe(400);
    expect(await post(platformRoute, updated, PLATFORM)).toEqual({
      status: 200,
      body: expect.objectContaining({ outcome: "ignored" }),
    });
    expect((await db().sellerProfile.findUniqueOrThrow({ where: { id: s.seller.id } })).payoutsEnabled).toBe(false);
    expect(await post(connectRoute, updated, CONNECT)).toEqual({
      status: 200,
      body: expect.objectContaining({ outcome: "processed" }),
    });
    expect((await db().sellerProfile.findUniqueOrThrow({ where: { id: s.seller.id } })).payoutsEnabled).toBe(true);
  });

  it("the platform's events are applied on the platform endpoint only", async () => {
    const s = await onboardedSeller();
    const buyer = await buyerWithAddress();
    const checkout = await placeCheckout({ buyer, lines: [{ sellerId: s.seller.id, priceCents: 2_000 }] });
    const pi = await payCheckout(checkout.checkout_id, buyer.id);
    const succeeded = (await eventsAbout([pi.id])).find((e) => e.type === "payment_intent.succeeded")!;
    expect((await post(platformRoute, succeeded, CONNECT)).status).toBe(400);
    expect((await post(connectRoute, succeeded, CONNECT)).body.outcome).toBe("ignored");
    expect((await db().order.findUniqueOrThrow({ where: { id: checkout.orders[0].order_id } })).status).toBe("pending");
    expect((await post(platformRoute, succeeded, PLATFORM)).body.outcome).toBe("processed");
    expect((await db().order.findUniqueOrThrow({ where: { id: checkout.orders[0].order_id } })).status).toBe("paid");
  });

  it("sellers' connected accounts are created on a manual payout schedule, so Stripe never pays out what the platform holds", async () => {
    const s = await onboardedSeller();
    const account = await stripe().accounts.retrieve(s.accountId);
    expect(account.settings?.payouts?.schedule.interval).toBe("manual");
  });
});
