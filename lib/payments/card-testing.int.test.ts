import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { heldOrderIds, listHeldOrders } from "@/lib/fraud/order-hold";
import {
  buyerWithAddress,
  deliver,
  eventsAbout,
  onboardedSeller,
  payCheckout,
  placeCheckout,
} from "@/test/payment-scenario";

import { cancelHeldPayment } from "./cancel-held-payment";
import { startCheckoutPayment } from "./start-checkout-payment";
import { stripe } from "./stripe-client";

const jobsFor = async (checkoutId: string) =>
  (
    await db().$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'cancel-held-payment' AND data->>'checkoutId' = ${checkoutId}`
  )[0].n;

describe("payment fraud before capture", () => {
  it("a card-testing run (three different cards declined) is held and its payment cancelled before any money moves", async () => {
    const seller = await onboardedSeller();
    const buyer = await buyerWithAddress();
    const checkout = await placeCheckout({ buyer, lines: [{ sellerId: seller.seller.id, priceCents: 900 }] });
    const orderId = checkout.orders[0].order_id;
    const cards = [
      "pm_card_chargeDeclined",
      "pm_card_chargeDeclinedInsufficientFunds",
      "pm_card_chargeDeclinedLostCard",
    ];
    let piId = "";
    for (const [i, card] of cards.entries()) {
      const pi = await payCheckout(checkout.checkout_id, buyer.id, card);
      expect(pi.status).toBe("requires_payment_method");
      piId = pi.id;
      await deliver(await eventsAbout([pi.id]));
      // Two declines are an unlucky buyer; the third card is a run.
      expect((await heldOrderIds([orderId])).size).toBe(i < 2 ? 0 : 1);
    }
    const attempts = await db().requestSignal.findMany({
      where: { subjectId: checkout.checkout_id, action: "payment" },
      select: { outcome: true, cardFingerprint: true, cardCountry: true, cardFunding: true },
    });
    expect(attempts).toHaveLength(3);
    expect(new Set(attempts.map((a) => a.cardFingerprint)).size).toBe(3);
    expect(
      attempts.every((a) => a.outcome === "declined" && a.cardCountry === "US" && a.cardFunding === "credit"),
    ).toBe(true);

    const { rows } = await listHeldOrders();
    const row = rows.find((r) => r.order.id === orderId)!;
    expect(row.reasons[0].message).toMatch(
      /^Card testing: 3 declined payment attempts with 3 different cards in the last 24 hours\. The payment was stopped before any money moved\./,
    );
    expect(row.order.status).toBe("pending");

    // The pay page refuses another attempt; the job cancels the PaymentIntent, so a working card
    // confirmed straight with Stripe cannot take money either.
    await expect(startCheckoutPayment({ checkoutId: checkout.checkout_id, buyerId: buyer.id })).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining("held for a security review"),
    });
    expect(await jobsFor(checkout.checkout_id)).toBe(1);
    expect(await cancelHeldPayment(checkout.checkout_id)).toBe("cancelled");
    expect(await cancelHeldPayment(checkout.checkout_id)).toBe("skipped");
    await expect(stripe().paymentIntents.confirm(piId, { payment_method: "pm_card_visa" })).rejects.toMatchObject({
      code: "payment_intent_unexpected_state",
    });
    expect((await stripe().paymentIntents.retrieve(piId)).status).toBe("canceled");
    expect(await db().ledgerEntry.count({ where: { orderId } })).toBe(0);
    expect((await db().order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("pending");
  });

  it("the model decides with the rules: a new account's foreign card is held with its reasons in words; an ordinary order is not", async () => {
    const seller = await onboardedSeller();
    const pay = async (card: string, priceCents: number) => {
      const buyer = await buyerWithAddress();
      const checkout = await placeCheckout({ buyer, lines: [{ sellerId: seller.seller.id, priceCents }] });
      const pi = await payCheckout(checkout.checkout_id, buyer.id, card);
      await deliver(await eventsAbout([pi.id]));
      const orderId = checkout.orders[0].order_id;
      const signal = await db().fraudSignal.findFirstOrThrow({ where: { subjectId: orderId, kind: "checkout.risk" } });
      return { orderId, held: (await heldOrderIds([orderId])).has(orderId), signal };
    };
    const ordinary = await pay("pm_card_visa", 4_500);
    expect(ordinary.held).toBe(false);
    expect(await db().order.findUniqueOrThrow({ where: { id: ordinary.orderId } })).toMatchObject({ status: "paid" });

    const foreign = await pay("pm_card_br", 19_000);
    expect(foreign.held).toBe(true);
    const details = foreign.signal.details as {
      rules: number;
      model: { score: number; contributions: { words: string }[] };
    };
    expect(details.rules).toBeLessThan(70);
    expect(details.model.score).toBeGreaterThanOrEqual(80);
    expect(details.model.contributions[0].words).toBe("Card from BR, shipping to US");
    const { rows } = await listHeldOrders();
    const reasons = rows.find((r) => r.order.id === foreign.orderId)!.reasons;
    expect(reasons.map((r) => r.message).join(" ")).toMatch(
      /Risk model \(v1\) scores \d+\.\d: Card from BR, shipping to US; /,
    );
    const card = await db().requestSignal.findFirstOrThrow({
      where: {
        action: "payment",
        outcome: "succeeded",
        subjectId: (await db().order.findUniqueOrThrow({ where: { id: foreign.orderId } })).checkoutId,
      },
    });
    expect(card).toMatchObject({ cardCountry: "BR", cardFunding: "credit" });
  });
});
