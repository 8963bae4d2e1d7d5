import { createHmac } from "node:crypto";

import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";

import { POST as webhookRoute } from "@/app/api/webhooks/stripe/route";
import { decideClaim } from "@/lib/claims/decide-claim";
import { openClaim } from "@/lib/claims/open-claim";
import { db } from "@/lib/db/client";
import { accountBalance } from "@/lib/ledger/account-balance";
import { buyerAccount, COMMISSION, sellerPaidOut, sellerPayable } from "@/lib/ledger/accounts";
import { checkLedgerInvariants } from "@/lib/ledger/check-ledger-invariants";
import { confirmDelivery } from "@/lib/orders/confirm-delivery";
import { shipOrder } from "@/lib/orders/ship-order";
import { cancelOrder } from "@/lib/payments/cancel-order";
import { runDailyPayouts } from "@/lib/payouts/run-daily-payouts";
import { settlePayout } from "@/lib/payouts/settle-payout";
import { acceptReturn } from "@/lib/returns/accept-return";
import { confirmReturnReceipt } from "@/lib/returns/confirm-return-receipt";
import { requestReturn } from "@/lib/returns/request-return";
import { createUser } from "@/test/factories";
import {
  buyerWithAddress,
  connectSellerPayouts,
  control,
  deliver,
  eventsAbout,
  onboardedSeller,
  payCheckout,
  placeCheckout,
  sellerWithoutPayouts,
} from "@/test/payment-scenario";
import { runDomainEvents } from "@/test/run-domain-events";

import { handleStripeEvent } from "./handle-stripe-event";
import { openDispute } from "./open-dispute";
import { refundOrder } from "./refund-order";
import { releaseEscrow } from "./release-escrow";
import { resolveDispute } from "./resolve-dispute";
import { retryRelease } from "./retry-release";
import { startCheckoutPayment } from "./start-checkout-payment";
import { stripe } from "./stripe-client";
import { sweepParkedReleases } from "./sweep-parked-releases";

let adminId: string;
beforeAll(async () => {
  adminId = (await createUser(db(), { role: "admin" })).id;
});

async function paidTwoSellerCheckout() {
  const [s1, s2] = [await onboardedSeller(), await onboardedSeller()];
  const buyer = await buyerWithAddress();
  const checkout = await placeCheckout({
    buyer,
    lines: [
      { sellerId: s1.seller.id, priceCents: 10_000 },
      { sellerId: s2.seller.id, priceCents: 3_333 },
    ],
  });
  const pi = await payCheckout(checkout.checkout_id, buyer.id);
  const events = await eventsAbout([pi.id]);
  const orderOf = (sellerId: string) => checkout.orders.find((o) => o.seller_id === sellerId)!.order_id;
  return { s1, s2, buyer, checkout, pi, events, o1: orderOf(s1.seller.id), o2: orderOf(s2.seller.id) };
}

async function shipAndConfirm(s: { seller: { id: string }; user: { id: string } }, orderId: string, buyerId: string) {
  await shipOrder({
    sellerId: s.seller.id,
    actorId: s.user.id,
    orderId,
    input: { carrier: "UPS", trackingNumber: "1Z999AA1" },
  });
  await confirmDelivery({ buyerId, orderId });
}

async function snapshot(checkoutId: string) {
  const orders = await db().order.findMany({
    where: { checkoutId },
    orderBy: { id: "asc" },
    select: { id: true, status: true, escrowStatus: true },
  });
  const entries = await db().ledgerEntry.findMany({
    where: { orderId: { in: orders.map((o) => o.id) } },
    orderBy: [{ orderId: "asc" }, { entryType: "asc" }, { debitAccount: "asc" }],
    select: { orderId: true, debitAccount: true, creditAccount: true, amountCents: true, entryType: true },
  });
  return { orders, entries };
}

describe("paying for a checkout", () => {
  it("one PaymentIntent for the checkout total; payment_intent.succeeded makes every order paid with its money in escrow", async () => {
    const { checkout, pi, events, buyer, o1, o2 } = await paidTwoSellerCheckout();
    expect(pi).toMatchObject({ status: "succeeded", amount: 13_333, transfer_group: checkout.checkout_id });
    expect(pi.metadata.order_ids.split(",").sort()).toEqual([o1, o2].sort());
    expect(events.map((e) => e.type)).toContain("payment_intent.succeeded");
    await deliver(events);
    const s = await snapshot(checkout.checkout_id);
    expect(s.orders.map((o) => [o.status, o.escrowStatus])).toEqual([
      ["paid", "held"],
      ["paid", "held"],
    ]);
    expect(await accountBalance(db(), buyerAccount(buyer.id), "USD")).toBe(-13_333);
  });

  it("a declined card leaves the orders pending and reserved for a retry, and records why", async () => {
    const s1 = await onboardedSeller();
    const buyer = await buyerWithAddress();
    const checkout = await placeCheckout({ buyer, lines: [{ sellerId: s1.seller.id, priceCents: 2_000 }] });
    const pi = await payCheckout(checkout.checkout_id, buyer.id, "pm_card_chargeDeclinedInsufficientFunds");
    expect(pi.status).toBe("requires_payment_method");
    await deliver(await eventsAbout([pi.id]));
    expect((await db().order.findUniqueOrThrow({ where: { id: checkout.orders[0].order_id } })).status).toBe("pending");
    expect(await db().payment.findUniqueOrThrow({ where: { paymentIntentId: pi.id } })).toMatchObject({
      status: "failed",
      failureCode: "insufficient_funds",
    });
    const retried = await payCheckout(checkout.checkout_id, buyer.id, "pm_card_visa");
    expect(retried.id).toBe(pi.id);
    await deliver(await eventsAbout([pi.id]));
    expect((await db().order.findUniqueOrThrow({ where: { id: checkout.orders[0].order_id } })).status).toBe("paid");
  });
  it("a double-clicked Pay charges once: concurrent page loads share one PaymentIntent and a second confirmation is refused", async () => {
    const [s1, s2] = [await onboardedSeller(), await onboardedSeller()];
    const buyer = await buyerWithAddress();
    const checkout = await placeCheckout({
      buyer,
      lines: [
        { sellerId: s1.seller.id, priceCents: 2_500 },
        { sellerId: s2.seller.id, priceCents: 1_250 },
      ],
    });
    // Two tabs (or a reload racing the first load) ask for the payment at once.
    const starts = await Promise.all(
      Array.from({ length: 5 }, () => startCheckoutPayment({ checkoutId: checkout.checkout_id, buyerId: buyer.id })),
    );
    const piId = starts[0].paymentIntentId;
    expect(new Set(starts.map((p) => p.paymentIntentId))).toEqual(new Set([piId]));
    expect(await db().payment.count({ where: { checkoutId: checkout.checkout_id } })).toBe(1);
    const intents = [];
    for await (const pi of stripe().paymentIntents.list({ limit: 100 }))
      if (pi.transfer_group === checkout.checkout_id) intents.push(pi.id);
    expect(intents).toEqual([piId]);

    // Both clicks reach Stripe: one confirmation succeeds, the other is refused, one charge exists.
    const confirms = await Promise.allSettled(
      [0, 1].map(() => stripe().paymentIntents.confirm(piId, { payment_method: "pm_card_visa" })),
    );
    expect(confirms.filter((c) => c.status === "fulfilled")).toHaveLength(1);
    expect(confirms.find((c) => c.status === "rejected")).toMatchObject({
      reason: { code: "payment_intent_unexpected_state" },
    });
    expect((await stripe().charges.list({ payment_intent: piId })).data.filter((c) => c.paid)).toHaveLength(1);

    // The events arrive twice as well (a replayed webhook): still one capture per order.
    const events = await eventsAbout([piId]);
    await deliver([...events, ...events]);
    const orders = await db().order.findMany({
      where: { checkoutId: checkout.checkout_id },
      select: { id: true, status: true, totalCents: true },
    });
    expect(orders.map((o) => o.status)).toEqual(["paid", "paid"]);
    const captures = await db().ledgerEntry.findMany({
      where: { orderId: { in: orders.map((o) => o.id) }, entryType: "capture" },
    });
    expect(captures.map((c) => c.amountCents).sort((a, b) => a - b)).toEqual(
      orders.map((o) => o.totalCents).sort((a, b) => a - b),
    );
    expect(await accountBalance(db(), buyerAccount(buyer.id), "USD")).toBe(-3_750);
    // Opening the pay page again after paying offers nothing to pay.
    await expect(startCheckoutPayment({ checkoutId: checkout.checkout_id, buyerId: buyer.id })).rejects.toMatchObject({
      status: 409,
    });
  });
});

describe("webhooks", () => {
  it("chaos (each event 1–5 times, shuffled, concurrent) ends in the same orders and ledger as a clean run", async () => {
    const clean = await paidTwoSellerCheckout();
    await deliver(clean.events);
    const chaotic = await paidTwoSellerCheckout();
    let seed = 17;
    const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const copies = chaotic.events.flatMap((e) => Array.from({ length: 1 + Math.floor(rand() * 5) }, () => e));
    copies.sort(() => rand() - 0.5);
    const outcomes = await Promise.allSettled(copies.map((e) => handleStripeEvent(e)));
    // A concurrent copy may fail (Stripe would retry it); retries here are Stripe's.
    for (const e of chaotic.events) await handleStripeEvent(e);
    const processed = outcomes.filter((o) => o.status === "fulfilled" && o.value === "processed").length;
    expect(processed).toBeLessThanOrEqual(chaotic.events.length);
    expect(copies.length).toBeGreaterThan(chaotic.events.length);
    const normalize = (s: Awaited<ReturnType<typeof snapshot>>, a: string) => ({
      orders: s.orders
        .map((o) => ({ ...o, id: o.id === a ? "first" : "second" }))
        .sort((x, y) => x.id.localeCompare(y.id)),
      entries: s.entries
        .map((e) => ({
          ...e,
          orderId: e.orderId === a ? "first" : "second",
          debitAccount: e.debitAccount.replace(/buyer:.*/, "buyer"),
        }))
        .sort((x, y) => `${x.orderId}${x.entryType}`.localeCompare(`${y.orderId}${y.entryType}`)),
    });
    expect(normalize(await snapshot(chaotic.checkout.checkout_id), chaotic.o1)).toEqual(
      normalize(await snapshot(clean.checkout.checkout_id), clean.o1),
    );
  });

  it("the endpoint verifies the raw-body signature: bad or stale is a 400 and changes nothing; a good one is applied once", async () => {
    const { events, checkout } = await paidTwoSellerCheckout();
    const event = events.find((e) => e.type === "payment_intent.succeeded")!;
    const payload = JSON.stringify(event);
    const sign = (t: number, body = payload) =>
      `t=${t},v1=${createHmac("sha256", process.env.STRIPE_WEBHOOK_SECRET!).update(`${t}.${body}`).digest("hex")}`;
    const post = (signature: string, body = payload) =>
      webhookRoute(
        new Request("http://localhost/api/webhooks/stripe", {
          method: "POST",
          headers: { "stripe-signature": signature },
          body,
        }),
      );
    const now = Math.floor(Date.now() / 1000);
    expect((await post(sign(now), payload.replace("succeeded", "succeeded "))).status).toBe(400);
    expect((await post(`t=${now},v1=${"0".repeat(64)}`)).status).toBe(400);
    expect((await post(sign(now - 3600))).status).toBe(400);
    expect((await snapshot(checkout.checkout_id)).orders.every((o) => o.status === "pending")).toBe(true);
    const first = await post(sign(now));
    expect(await first.json()).toMatchObject({ outcome: "processed" });
    expect(await (await post(sign(now))).json()).toMatchObject({ outcome: "duplicate" });
    expect((await snapshot(checkout.checkout_id)).orders.every((o) => o.status === "paid")).toBe(true);
  });
});

describe("escrow release", () => {
  it("pays the seller total minus commission by Transfer after delivery, records release and commission once", async () => {
    const { s1, s2, buyer, events, o1, o2, checkout } = await paidTwoSellerCheckout();
    await deliver(events);
    expect(await releaseEscrow(o1)).toBe("not_releasable");
    await shipAndConfirm(s1, o1, buyer.id);
    expect(await releaseEscrow(o1)).toBe("released");
    expect(await releaseEscrow(o1)).toBe("already_released");
    const transfers = await stripe().transfers.list({ transfer_group: checkout.checkout_id });
    expect(transfers.data.map((t) => [t.destination, t.amount])).toEqual([[s1.accountId, 8_500]]);
    expect(await accountBalance(db(), sellerPayable(s1.seller.id), "USD")).toBe(8_500);
    expect(await accountBalance(db(), COMMISSION, "USD")).toBeGreaterThanOrEqual(1_500);
    expect((await db().order.findUniqueOrThrow({ where: { id: o1 } })).status).toBe("completed");
    expect((await db().order.findUniqueOrThrow({ where: { id: o2 } })).escrowStatus).toBe("held");
    void s2;
  });

  it("a worker killed right after the transfer call leaves exactly one transfer and one set of entries after a rerun", async () => {
    const { s1, buyer, events, o1, checkout } = await paidTwoSellerCheckout();
    await deliver(events);
    await shipAndConfirm(s1, o1, buyer.id);
    await expect(
      releaseEscrow(o1, {
        afterTransfer: () => {
          throw new Error("worker killed");
        },
      }),
    ).rejects.toThrow("worker killed");
    expect(await db().ledgerEntry.count({ where: { orderId: o1, entryType: "release" } })).toBe(0);
    // Killed before the call too: the claimed transfer row alone changes nothing.
    expect(await releaseEscrow(o1)).toBe("released");
    await control().enableChaos({ seed: 5, api: { errorRate: 0.4, timeoutRate: 0.2, hangMs: 300 } });
    try {
      for (let i = 0; i < 3; i++) await releaseEscrow(o1).catch(() => undefined);
    } finally {
      await control().disableChaos();
    }
    const transfers = await stripe().transfers.list({ transfer_group: checkout.checkout_id });
    expect(transfers.data.filter((t) => t.metadata?.order_id === o1)).toHaveLength(1);
    expect(await db().ledgerEntry.count({ where: { orderId: o1, entryType: "release" } })).toBe(1);
    expect(await db().transfer.count({ where: { orderId: o1 } })).toBe(1);
  });
});

describe("refunds and disputes", () => {
  it("a refund before release returns the money from escrow and no transfer ever happens", async () => {
    const { s1, events, o1, pi, checkout } = await paidTwoSellerCheckout();
    await deliver(events);
    await expect(
      refundOrder({
        orderId: o1,
        actorType: "seller",
        sellerId: "00000000-0000-4000-8000-000000000000",
        reason: "not mine",
      }),
    ).rejects.toMatchObject({ status: 404 });
    expect(
      await refundOrder({
        orderId: o1,
        actorType: "seller",
        actorId: s1.user.id,
        sellerId: s1.seller.id,
        reason: "Out of stock after all",
      }),
    ).toMatchObject({ outcome: "refunded", amountCents: 10_000 });
    expect(
      await refundOrder({
        orderId: o1,
        actorType: "seller",
        actorId: s1.user.id,
        sellerId: s1.seller.id,
        reason: "again",
      }),
    ).toMatchObject({ outcome: "already_refunded" });
    const refunds = await stripe().refunds.list({ payment_intent: pi.id });
    expect(refunds.data.map((r) => r.amount)).toEqual([10_000]);
    // The charge.refunded webhook is applied (not a 500 that Stripe would retry forever).
    const refunded = (await eventsAbout([pi.id])).filter((e) => e.type === "charge.refunded");
    expect(refunded.length).toBeGreaterThan(0);
    for (const e of refunded) expect(["processed", "duplicate"]).toContain(await handleStripeEvent(e));
    expect((await db().refund.findFirstOrThrow({ where: { orderId: o1 } })).status).toBe("succeeded");
    expect(await releaseEscrow(o1)).toBe("not_releasable");
    expect((await stripe().transfers.list({ transfer_group: checkout.checkout_id })).data).toHaveLength(0);
  });

  it("a refund after release reverses the transfer; money already paid out becomes the seller's receivable instead", async () => {
    const { s1, s2, buyer, events, o1, o2, checkout } = await paidTwoSellerCheckout();
    await deliver(events);
    // Not yet paid out: the transfer is reversed and the seller's payable goes back to zero.
    await shipAndConfirm(s2, o2, buyer.id);
    await releaseEscrow(o2);
    await refundOrder({ orderId: o2, actorType: "admin", actorId: adminId, reason: "Wrong colour" });
    const t2 = (await db().transfer.findFirstOrThrow({ where: { orderId: o2 } })).stripeTransferId!;
    expect((await stripe().transfers.listReversals(t2)).data.map((r) => r.amount)).toEqual([2_833]);
    expect(await accountBalance(db(), sellerPayable(s2.seller.id), "USD")).toBe(0);
    expect(await accountBalance(db(), `seller:${s2.seller.id}:receivable`, "USD")).toBe(0);

    // Already paid out: the refund still happens; the seller owes it back as a receivable.
    await shipAndConfirm(s1, o1, buyer.id);
    await releaseEscrow(o1);
    expect((await runDailyPayouts({ day: `t-${checkout.checkout_id}` })).paidOut).toBeGreaterThanOrEqual(8_500);
    expect(await accountBalance(db(), sellerPaidOut(s1.seller.id), "USD")).toBe(8_500);
    // The payout is announced in its transaction; the seller's email is the worker's, from the outbox.
    const payout = await db().payout.findFirstOrThrow({
      where: { sellerId: s1.seller.id },
      orderBy: { createdAt: "desc" },
    });
    expect(
      await db().outboxEvent.count({
        where: { eventType: "payout.sent", payload: { path: ["payoutId"], equals: payout.id } },
      }),
    ).toBe(1);
    expect(await db().notification.count({ where: { dedupeKey: `payout:${payout.id}:sent` } })).toBe(0);
    await runDomainEvents();
    expect(
      await db().notification.findUniqueOrThrow({
        where: { dedupeKey: `payout:${payout.id}:sent` },
        select: { subject: true },
      }),
    ).toEqual({ subject: `Payout of $${(payout.amountCents / 100).toFixed(2)} on its way to your bank` });
    await refundOrder({ orderId: o1, actorType: "admin", actorId: adminId, reason: "Item arrived broken" });
    expect(await db().order.findUniqueOrThrow({ where: { id: o1 } })).toMatchObject({
      status: "refunded",
      escrowStatus: "refunded",
    });
    expect(await accountBalance(db(), sellerPayable(s1.seller.id), "USD")).toBe(0);
    expect(await accountBalance(db(), `seller:${s1.seller.id}:receivable`, "USD")).toBe(-8_500);
    // The next payout nets the receivable first: nothing is paid while it is owed.
    expect((await runDailyPayouts({ day: `t2-${checkout.checkout_id}` })).paidOut).toBe(0);
  });

  it("a buyer's dispute pauses release until an admin decides; a card dispute pauses it too", async () => {
    const { s1, s2, buyer, events, o1, o2, pi } = await paidTwoSellerCheckout();
    await deliver(events);
    await shipOrder({
      sellerId: s2.seller.id,
      actorId: s2.user.id,
      orderId: o2,
      input: { carrier: "DHL", trackingNumber: "JD0123456" },
    });
    await expect(
      openDispute({ buyerId: s1.user.id, orderId: o2, input: { reason: "Never arrived at all" } }),
    ).rejects.toMatchObject({ status: 404 });
    await openDispute({ buyerId: buyer.id, orderId: o2, input: { reason: "Never arrived at all" } });
    expect(await releaseEscrow(o2)).toBe("not_releasable");
    const dispute = await db().dispute.findFirstOrThrow({ where: { orderId: o2 } });
    await resolveDispute({ disputeId: dispute.id, adminId, decision: "refund", note: "Carrier lost it" });
    expect(await db().order.findUniqueOrThrow({ where: { id: o2 } })).toMatchObject({
      status: "refunded",
      escrowStatus: "refunded",
    });

    await shipAndConfirm(s1, o1, buyer.id);
    await control().triggerDispute(typeof pi.latest_charge === "string" ? pi.latest_charge : pi.latest_charge!.id);
    await new Promise((r) => setTimeout(r, 300));
    await deliver(
      (await eventsAbout([typeof pi.latest_charge === "string" ? pi.latest_charge : pi.latest_charge!.id])).filter(
        (e) => e.type === "charge.dispute.created",
      ),
    );
    expect((await db().order.findUniqueOrThrow({ where: { id: o1 } })).status).toBe("disputed");
    expect(await releaseEscrow(o1)).toBe("not_releasable");
    const cardDispute = await db().dispute.findFirstOrThrow({ where: { orderId: o1 } });
    // The card network decides first: until then the money is frozen, even for an admin.
    await expect(
      resolveDispute({ disputeId: cardDispute.id, adminId, decision: "release", note: "Proof of delivery" }),
    ).rejects.toMatchObject({ status: 409 });
    const chargeId = typeof pi.latest_charge === "string" ? pi.latest_charge : pi.latest_charge!.id;
    await control().closeDispute((await stripe().disputes.list({ charge: chargeId })).data[0].id, "won");
    await deliver((await eventsAbout([chargeId])).filter((e) => e.type === "charge.dispute.closed"));
    await resolveDispute({ disputeId: cardDispute.id, adminId, decision: "release", note: "Proof of delivery" });
    expect((await db().order.findUniqueOrThrow({ where: { id: o1 } })).status).toBe("completed");
  });
});

describe("daily payouts", () => {
  it("pay each seller's available balance once a day and return a failed payout's money", async () => {
    const { s1, buyer, events, o1 } = await paidTwoSellerCheckout();
    await deliver(events);
    await shipAndConfirm(s1, o1, buyer.id);
    await releaseEscrow(o1);
    const day = `d-${o1}`;
    await runDailyPayouts({ day });
    await runDailyPayouts({ day });
    const payout = await db().payout.findFirstOrThrow({ where: { sellerId: s1.seller.id } });
    expect(payout).toMatchObject({ amountCents: 8_500, status: "in_transit" });
    expect((await stripe().payouts.list({}, { stripeAccount: s1.accountId })).data).toHaveLength(1);
    await control().failPayout(payout.stripePayoutId!);
    await settlePayout({ stripePayoutId: payout.stripePayoutId!, status: "failed", failureMessage: "Account closed" });
    await settlePayout({ stripePayoutId: payout.stripePayoutId!, status: "failed", failureMessage: "Account closed" });
    expect(await accountBalance(db(), sellerPayable(s1.seller.id), "USD")).toBe(8_500);
    expect(await accountBalance(db(), sellerPaidOut(s1.seller.id), "USD")).toBe(0);
  });
});

describe("the order and escrow state machine against a model (fast-check)", () => {
  type Action =
    | "ship"
    | "confirm"
    | "dispute"
    | "refund"
    | "release"
    | "replay"
    | "payout"
    | "connect"
    | "sweep"
    | "chargeback_open"
    | "chargeback_won"
    | "chargeback_lost"
    | "cancel_buyer"
    | "cancel_seller"
    | "partial_refund"
    | "claim_refund"
    | "return_refund";
  it("any sequence of buyer, seller, admin, webhook and clock actions keeps the ledger balanced and never pays a seller twice", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.constantFrom<Action>(
            "ship",
            "confirm",
            "dispute",
            "refund",
            "release",
            "replay",
            "payout",
            "connect",
            "sweep",
            "chargeback_open",
            "chargeback_won",
            "chargeback_lost",
            "cancel_buyer",
            "cancel_seller",
            "partial_refund",
            "claim_refund",
            "return_refund",
          ),
          { minLength: 2, maxLength: 7 },
        ),
        fc.boolean(),
        async (actions, startsConnected) => {
          // A seller may start without a payout account: releases park until "connect".
          const s = startsConnected ? await onboardedSeller() : await sellerWithoutPayouts();
          const buyer = await buyerWithAddress();
          const checkout = await placeCheckout({
            buyer,
            lines: [{ sellerId: s.seller.id, priceCents: 4_999, quantity: 2 }],
          });
          const pi = await payCheckout(checkout.checkout_id, buyer.id);
          const events = await eventsAbout([pi.id]);
          await deliver(events);
          const orderId = checkout.orders[0].order_id;
          const chargeId = pi.latest_charge as string;
          // The cardholder's bank: opens a dispute on the charge (once), or decides it; its events are delivered twice.
          const chargeback = async (decide?: "won" | "lost") => {
            if (decide) {
              const [d] = (await stripe().disputes.list({ charge: chargeId })).data;
              if (!d) return;
              await control().closeDispute(d.id, decide);
            } else await control().triggerDispute(chargeId);
            const disputeEvents = (await eventsAbout([chargeId])).filter((e) => e.type.startsWith("charge.dispute."));
            await deliver([...disputeEvents, ...disputeEvents]);
          };
          const itemId = (await db().orderItem.findFirstOrThrow({ where: { orderId } })).id;
          let step = 0;
          for (const a of actions) {
            step++;
            const run = {
              ship: () =>
                shipOrder({
                  sellerId: s.seller.id,
                  actorId: s.user.id,
                  orderId,
                  input: { carrier: "UPS", trackingNumber: "1Z0001" },
                }),
              confirm: () => confirmDelivery({ buyerId: buyer.id, orderId }),
              dispute: () => openDispute({ buyerId: buyer.id, orderId, input: { reason: "Something went wrong" } }),
              refund: () => refundOrder({ orderId, actorType: "admin", actorId: adminId, reason: "Admin refund" }),
              release: () => releaseEscrow(orderId),
              replay: () => deliver(events),
              payout: () => runDailyPayouts({ day: `p-${orderId}-${Math.random()}` }),
              // The worker runs what the webhook queued, twice over, as racing workers would.
              connect: async () => {
                await connectSellerPayouts(s);
                await Promise.all([retryRelease(orderId), retryRelease(orderId)]);
              },
              sweep: () => sweepParkedReleases({ now: new Date(Date.now() + 7 * 3600_000) }),
              chargeback_open: () => chargeback(),
              chargeback_won: () => chargeback("won"),
              chargeback_lost: () => chargeback("lost"),
              cancel_buyer: () => cancelOrder({ orderId, by: "buyer", buyerId: buyer.id, input: {} }),
              cancel_seller: () =>
                cancelOrder({
                  orderId,
                  by: "seller",
                  sellerId: s.seller.id,
                  actorId: s.user.id,
                  input: { reason: "out_of_stock" },
                }),
              partial_refund: () =>
                refundOrder({
                  orderId,
                  actorType: "admin",
                  actorId: adminId,
                  reason: "One unit",
                  lines: [{ orderItemId: itemId, quantity: 1 }],
                  key: `partial:${orderId}:${step}`,
                }),
              // A claim (a parcel in transit counts once its expected date passed), refunded in part as asked.
              claim_refund: async () => {
                const { status } = await db().order.findUniqueOrThrow({
                  where: { id: orderId },
                  select: { status: true },
                });
                const { claimId } = await openClaim({
                  buyerId: buyer.id,
                  orderId,
                  input: {
                    kind: status === "shipped" ? "never_arrived" : "damaged",
                    description: "Something is wrong with it",
                    amountCents: 1_500,
                  },
                  now: new Date(Date.now() + 6 * 86_400_000),
                });
                await decideClaim({ claimId, adminId, input: { decision: "refund_requested" } });
              },
              // A return of one unit: requested, accepted with a label, received twice over (racing clicks), refunded once.
              return_refund: async () => {
                const { returnId } = await requestReturn({
                  buyerId: buyer.id,
                  orderId,
                  input: { items: [{ order_item_id: itemId, quantity: 1 }], reason: "damaged" },
                });
                await acceptReturn({
                  returnId,
                  by: { type: "seller", sellerId: s.seller.id, userId: s.user.id },
                  address: {
                    fullName: "Sam Seller",
                    line1: "1 Kiln Road",
                    city: "Portland",
                    postalCode: "97201",
                    country: "US",
                  },
                });
                await Promise.all(
                  [0, 1].map(() =>
                    confirmReturnReceipt({ sellerId: s.seller.id, actorId: s.user.id, returnId }).catch(
                      () => undefined,
                    ),
                  ),
                );
              },
            }[a];
            await run().catch((err: { status?: number; statusCode?: number }) => {
              // Refused moves are fine (a 4xx from us, Stripe or the emulator's control API); anything else is a bug.
              const status = err.status ?? err.statusCode;
              if (!status || status >= 500) throw err;
            });
          }
          const order = await db().order.findUniqueOrThrow({ where: { id: orderId } });
          const releases = await db().ledgerEntry.count({ where: { orderId, entryType: "release" } });
          const transfers = await stripe().transfers.list({ transfer_group: checkout.checkout_id });
          expect(releases).toBeLessThanOrEqual(1);
          expect(transfers.data.length).toBeLessThanOrEqual(1);
          if (order.escrowStatus === "held") expect(releases).toBe(0);
          // A parked release has its money still in escrow and no transfer; a paid one no reason.
          if (order.releaseBlockedCode && order.escrowStatus === "held") expect(transfers.data).toHaveLength(0);
          if (order.escrowStatus === "released") expect(order.releaseBlockedCode).toBeNull();
          const { ok, results } = await checkLedgerInvariants();
          expect(ok, JSON.stringify(results)).toBe(true);
          // The buyer never gets back more than they paid, by refunds and chargebacks together.
          expect(await accountBalance(db(), buyerAccount(buyer.id), "USD")).toBeLessThanOrEqual(0);
          // While a chargeback is open nothing of a held order was released.
          if (await db().chargeback.count({ where: { orderId, status: "open", stage: "held" } }))
            expect(order.escrowStatus).not.toBe("released");
          // Paid out never exceeds what was released.
          expect(await accountBalance(db(), sellerPaidOut(s.seller.id), "USD")).toBeLessThanOrEqual(
            releases ? order.totalCents - order.platformFeeCents : 0,
          );
          // No refund twice, none above what was paid: Stripe's refunds are exactly the applied ones.
          const stripeRefunds = (await stripe().refunds.list({ payment_intent: pi.id, limit: 100 })).data;
          const applied = await db().refund.findMany({ where: { orderId, appliedAt: { not: null } } });
          expect(stripeRefunds.map((r) => r.id).sort()).toEqual(applied.map((r) => r.stripeRefundId).sort());
          expect(stripeRefunds.reduce((sum, r) => sum + r.amount, 0)).toBe(order.refundedCents);
          expect(order.refundedCents).toBeLessThanOrEqual(order.totalCents);
          if (order.cancelledBy) expect(order.shippedAt).toBeNull();
        },
      ),
      { numRuns: 12 },
    );
  }, 240_000);
});
