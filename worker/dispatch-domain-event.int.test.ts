import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { handleStripeEvent } from "@/lib/payments/handle-stripe-event";
import { buyerWithAddress, eventsAbout, onboardedSeller, payCheckout, placeCheckout } from "@/test/payment-scenario";

import { dispatchDomainEvent } from "./dispatch-domain-event";

describe("domain event dispatch", () => {
  it("an order's move is announced once in its transaction, and dispatching it again queues its emails once", async () => {
    const seller = await onboardedSeller();
    const buyer = await buyerWithAddress();
    const checkout = await placeCheckout({ buyer, lines: [{ sellerId: seller.seller.id, priceCents: 2_500 }] });
    const orderId = checkout.orders[0].order_id;
    const pi = await payCheckout(checkout.checkout_id, buyer.id);
    // The webhook alone: the move commits with its event and dispatch job, and no email yet.
    for (const e of await eventsAbout([pi.id])) await handleStripeEvent(e);
    const events = await db().outboxEvent.findMany({ where: { aggregateId: orderId, eventType: "order.paid" } });
    expect(events.map((e) => e.payload)).toEqual([{ orderId, from: "pending", to: "paid" }]);
    const jobs = await db().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'dispatch-domain-event' AND data->>'eventId' = ${events[0].id.toString()}`;
    expect(jobs[0].n).toBe(1);
    const mail = () => db().notification.count({ where: { dedupeKey: { startsWith: `order:${orderId}:paid:` } } });
    expect(await mail()).toBe(0);

    // Four subscribers: its emails, its analytics event, its co-purchase update and its in-app notifications.
    expect(await dispatchDomainEvent(events[0].id.toString())).toBe(4);
    expect(await mail()).toBe(2);
    // A retried job runs the subscribers again: nothing more is queued.
    await dispatchDomainEvent(events[0].id.toString());
    expect(await mail()).toBe(2);
  });

  it("an event id with no outbox row dispatches to nobody", async () => {
    expect(await dispatchDomainEvent("999999999")).toBe(0);
  });
});
