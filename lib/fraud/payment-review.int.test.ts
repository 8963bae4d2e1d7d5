import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { shipOrder } from "@/lib/orders/ship-order";
import { decideHeldOrder } from "@/lib/payments/decide-held-order";
import { handleStripeEvent } from "@/lib/payments/handle-stripe-event";
import { createUser } from "@/test/factories";
import { deliver, eventsAbout, onboardedSeller, payCheckout, placeCheckout } from "@/test/payment-scenario";
import { runDomainEvents } from "@/test/run-domain-events";

import { heldOrderIds, listHeldOrders } from "./order-hold";

let adminId: string;
beforeAll(async () => {
  adminId = (await createUser(db(), { role: "admin" })).id;
});

async function buyerAt(line1: string, line2: string | null, postalCode: string) {
  const u = await createUser(db());
  const a = await db().address.create({
    data: { userId: u.id, fullName: "Rae Buyer", line1, line2, city: "Portland", postalCode, country: "US" },
  });
  return { id: u.id, addressId: a.id, email: u.email };
}

async function paidOrder(
  buyer: { id: string; addressId: string },
  seller: Awaited<ReturnType<typeof onboardedSeller>>,
  priceCents: number,
  quantity = 1,
) {
  const checkout = await placeCheckout({ buyer, lines: [{ sellerId: seller.seller.id, priceCents, quantity }] });
  const pi = await payCheckout(checkout.checkout_id, buyer.id);
  const events = await eventsAbout([pi.id]);
  await deliver([...events, ...events]);
  return checkout.orders[0].order_id;
}

// The emails react to the order's moves in the worker; run what it would have run by now.
const sellerMail = async (orderId: string) => {
  await runDomainEvents();
  return db().notification.findMany({
    where: { dedupeKey: { startsWith: `order:${orderId}:` }, template: { endsWith: "-seller" } },
    orderBy: { createdAt: "asc" },
    select: { template: true, subject: true },
  });
};

describe("payment review", () => {
  it("the capture that holds an order only announces it: every notification is written afterwards by the worker", async () => {
    const seller = await onboardedSeller();
    const buyer = await buyerAt("9 Quay Road", "c/o Shipito suite 40", "97230");
    const checkout = await placeCheckout({
      buyer,
      lines: [{ sellerId: seller.seller.id, priceCents: 30_000, quantity: 2 }],
    });
    const pi = await payCheckout(checkout.checkout_id, buyer.id);
    for (const e of await eventsAbout([pi.id])) await handleStripeEvent(e);
    const orderId = checkout.orders[0].order_id;
    expect((await db().order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("paid");
    const people = { userId: { in: [buyer.id, seller.user.id] } };
    // Committed with the money: the events. Not with it: any email, note, push or text.
    expect(
      (await db().outboxEvent.findMany({ where: { aggregateId: orderId }, orderBy: { id: "asc" } })).map(
        (e) => e.eventType,
      ),
    ).toEqual(expect.arrayContaining(["order.held", "order.paid"]));
    expect(await db().notification.count({ where: people })).toBe(0);
    await runDomainEvents();
    expect(await db().notification.count({ where: { ...people, channel: "email" } })).toBe(2);
    expect(await db().notification.count({ where: { userId: seller.user.id, template: "order-held-seller" } })).toBe(1);
  });

  it("a new account paying $600 to a parcel forwarder is held: the seller is told not to ship and can't, until an admin clears it", async () => {
    const seller = await onboardedSeller();
    const buyer = await buyerAt("88 Dock Street", "c/o Shipito suite 12", "97230");
    const orderId = await paidOrder(buyer, seller, 30_000, 2);
    expect((await db().order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("paid");
    const signals = await db().fraudSignal.findMany({ where: { subjectType: "order", subjectId: orderId } });
    expect(signals.map((s) => [s.kind, s.score])).toEqual([["checkout.risk", 78]]);
    expect(await heldOrderIds([orderId])).toEqual(new Set([orderId]));
    expect((await sellerMail(orderId)).map((m) => m.subject)).toEqual([
      `New order ${orderId.slice(0, 8)} (on hold: don't ship yet)`,
    ]);
    // In the app too, the hold is what the seller reads: "don't ship", never order.paid's "ship it".
    expect(
      await db().notification.findMany({
        where: { userId: seller.user.id, channel: "in_app" },
        select: { template: true, subject: true, link: true },
      }),
    ).toEqual([
      {
        template: "order-held-seller",
        subject: `Order ${orderId.slice(0, 8)} is on hold: don't ship it yet`,
        link: "/seller/orders",
      },
    ]);
    await expect(
      shipOrder({
        sellerId: seller.seller.id,
        actorId: seller.user.id,
        orderId,
        input: { carrier: "UPS", trackingNumber: "1Z999AA1" },
      }),
    ).rejects.toMatchObject({ status: 409, message: expect.stringContaining("on hold while we review its payment") });

    const queue = await listHeldOrders();
    const held = queue.rows.find((r) => r.order.id === orderId)!;
    expect(held).toMatchObject({
      score: 78,
      order: {
        totalCents: 60_000,
        buyerEmail: buyer.email,
        shipTo: "Rae Buyer, 88 Dock Street, c/o Shipito suite 12, 97230 Portland, US",
      },
    });
    expect(held.reasons.map((r) => r.code)).toEqual([
      "checkout.new_account_high_value",
      "checkout.reshipper",
      "checkout.model",
    ]);
    // The model agrees, and says why in words.
    expect(held.reasons[2].message).toMatch(/^Risk model \(v1\) scores 9\d\.\d: Ships to a parcel forwarder; /);

    expect(await decideHeldOrder({ caseId: held.caseId, adminId, decision: "clear" })).toEqual({
      orderId,
      outcome: "cleared",
    });
    await expect(decideHeldOrder({ caseId: held.caseId, adminId, decision: "clear" })).rejects.toMatchObject({
      status: 409,
    });
    expect((await sellerMail(orderId)).map((m) => m.template)).toEqual(["order-paid-seller", "order-cleared-seller"]);
    await shipOrder({
      sellerId: seller.seller.id,
      actorId: seller.user.id,
      orderId,
      input: { carrier: "UPS", trackingNumber: "1Z999AA1" },
    });
    expect((await db().order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("shipped");
  });

  it("refusing a held payment refunds the buyer from escrow; the seller never ships", async () => {
    const seller = await onboardedSeller();
    const buyer = await buyerAt("5 Relay Road", "Stackry unit 77", "97231");
    const orderId = await paidOrder(buyer, seller, 55_000);
    const [held] = (await listHeldOrders()).rows.filter((r) => r.order.id === orderId);
    await expect(
      decideHeldOrder({ caseId: held.caseId, adminId, decision: "refund", note: "no" }),
    ).rejects.toMatchObject({ status: 400 });
    expect(
      await decideHeldOrder({
        caseId: held.caseId,
        adminId,
        decision: "refund",
        note: "Card reported stolen by the issuer",
      }),
    ).toEqual({ orderId, outcome: "refunded" });
    expect(await db().order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({
      status: "refunded",
      escrowStatus: "refunded",
    });
    expect(await db().moderationCase.findUniqueOrThrow({ where: { id: held.caseId } })).toMatchObject({
      status: "rejected",
      resolution: "Card reported stolen by the issuer",
      resolvedById: adminId,
    });
    expect(await heldOrderIds([orderId])).toEqual(new Set());
    await expect(
      decideHeldOrder({ caseId: "00000000-0000-4000-8000-000000000000", adminId, decision: "clear" }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("an ordinary payment is scored, not held, and the seller is told to ship", async () => {
    const seller = await onboardedSeller();
    const buyer = await buyerAt("19 Elm Street", null, "97232");
    const orderId = await paidOrder(buyer, seller, 2_000);
    expect(
      (await db().fraudSignal.findFirstOrThrow({ where: { subjectType: "order", subjectId: orderId } })).score,
    ).toBe(0);
    expect(await heldOrderIds([orderId])).toEqual(new Set());
    expect((await sellerMail(orderId)).map((m) => m.subject)).toEqual([
      "New order to ship: " + (await db().orderItem.findFirstOrThrow({ where: { orderId } })).titleSnapshot,
    ]);
  });
});
