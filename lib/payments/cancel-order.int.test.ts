import { describe, expect, it } from "vitest";

import { getSellerOverview } from "@/lib/analytics/get-seller-overview";
import { db } from "@/lib/db/client";
import { shipOrder } from "@/lib/orders/ship-order";
import { refundLatePayment } from "@/lib/payments/refund-late-payment";
import { stripe } from "@/lib/payments/stripe-client";
import {
  buyerWithAddress,
  deliver,
  eventsAbout,
  onboardedSeller,
  payCheckout,
  placeCheckout,
} from "@/test/payment-scenario";
import { runDomainEvents } from "@/test/run-domain-events";

import { cancelOrder, type TSellerCancelInput } from "./cancel-order";

/** A placed order (2 × 12.50) of a fresh seller; paid unless asked not to. */
async function order(opts: { pay?: boolean } = {}) {
  const s = await onboardedSeller();
  const buyer = await buyerWithAddress();
  const checkout = await placeCheckout({ buyer, lines: [{ sellerId: s.seller.id, priceCents: 1_250, quantity: 2 }] });
  const orderId = checkout.orders[0].order_id;
  const item = await db().orderItem.findFirstOrThrow({ where: { orderId } });
  const pi = opts.pay === false ? null : await payCheckout(checkout.checkout_id, buyer.id);
  if (pi) await deliver(await eventsAbout([pi.id]));
  return { s, buyer, orderId, checkoutId: checkout.checkout_id, pi, productId: item.productId };
}

const stock = async (productId: string) =>
  (await db().product.findUniqueOrThrow({ where: { id: productId } })).inventoryCount;
const refunds = async (piId: string) =>
  (await stripe().refunds.list({ payment_intent: piId })).data.map((r) => r.amount);
// The emails react to the order's moves in the worker; run what it would have run by now.
const mail = async (orderId: string) => {
  await runDomainEvents();
  return await db().notification.findMany({
    where: { dedupeKey: { startsWith: `order:${orderId}:refunded` } },
    orderBy: { template: "asc" },
    select: { template: true, subject: true, body: true },
  });
};

describe("cancelling before shipping", () => {
  it("a buyer cancels their paid order: refunded in full at once, stock back, who and why recorded, both told", async () => {
    const o = await order();
    expect(await stock(o.productId)).toBe(18);
    expect(await cancelOrder({ orderId: o.orderId, by: "buyer", buyerId: o.buyer.id, input: {} })).toEqual({
      outcome: "cancelled",
      refundedCents: 2_500,
    });
    expect(await cancelOrder({ orderId: o.orderId, by: "buyer", buyerId: o.buyer.id, input: {} })).toEqual({
      outcome: "already_cancelled",
      refundedCents: 2_500,
    });
    expect(await refunds(o.pi!.id)).toEqual([2_500]);
    expect(await stock(o.productId)).toBe(20);
    expect(await db().order.findUniqueOrThrow({ where: { id: o.orderId } })).toMatchObject({
      status: "refunded",
      escrowStatus: "refunded",
      cancelledBy: "buyer",
      cancellationReason: "buyer_request",
      refundedCents: 2_500,
    });
    expect((await db().refund.findFirstOrThrow({ where: { orderId: o.orderId } })).kind).toBe("cancellation");
    const emails = await mail(o.orderId);
    expect(emails.map((e) => e.subject)).toEqual([
      `Order ${o.orderId.slice(0, 8)} cancelled: $25.00 refunded`,
      `Order ${o.orderId.slice(0, 8)} was cancelled by the buyer: don't ship it`,
    ]);
    await expect(
      shipOrder({
        sellerId: o.s.seller.id,
        actorId: o.s.user.id,
        orderId: o.orderId,
        input: { carrier: "UPS", trackingNumber: "1Z999AA1" },
      }),
    ).rejects.toMatchObject({ status: 409 });
  });

  it("a seller cancels an order they can't fulfil, with a reason: the buyer is refunded, stock returns, it counts in the seller's record", async () => {
    const o = await order();
    await expect(
      // No reason given, as a hand-made form post could: the domain still parses its input.
      cancelOrder({
        orderId: o.orderId,
        by: "seller",
        sellerId: o.s.seller.id,
        actorId: o.s.user.id,
        input: {} as TSellerCancelInput,
      }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringContaining("Choose why you are cancelling") });
    await expect(
      cancelOrder({
        orderId: o.orderId,
        by: "seller",
        sellerId: o.s.seller.id,
        actorId: o.s.user.id,
        input: { reason: "other", note: "" },
      }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringContaining("at least 5 characters") });
    expect(
      await cancelOrder({
        orderId: o.orderId,
        by: "seller",
        sellerId: o.s.seller.id,
        actorId: o.s.user.id,
        input: { reason: "out_of_stock", note: "Sold out at the fair" },
      }),
    ).toEqual({ outcome: "cancelled", refundedCents: 2_500 });
    expect(await db().order.findUniqueOrThrow({ where: { id: o.orderId } })).toMatchObject({
      status: "refunded",
      cancelledBy: "seller",
      cancellationReason: "out_of_stock",
      cancellationNote: "Sold out at the fair",
    });
    expect(await stock(o.productId)).toBe(20);
    const change = await db().orderStatusChange.findFirstOrThrow({
      where: { orderId: o.orderId, toStatus: "refunded" },
    });
    expect(change).toMatchObject({
      actorType: "seller",
      actorId: o.s.user.id,
      note: "Cancelled by the seller: Out of stock (Sold out at the fair)",
    });
    expect((await getSellerOverview(o.s.seller.id)).cancellations).toEqual({
      bySeller: 1,
      paidOrders: 1,
      ratePercent: 100,
    });
    const [buyerMail] = await mail(o.orderId);
    expect(buyerMail.body).toContain("out of stock: Sold out at the fair");
  });

  it("someone else's order is not found; a shipped order can't be cancelled (409, and nothing moves)", async () => {
    const o = await order();
    const other = await onboardedSeller();
    await expect(
      cancelOrder({
        orderId: o.orderId,
        by: "seller",
        sellerId: other.seller.id,
        actorId: other.user.id,
        input: { reason: "out_of_stock" },
      }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      cancelOrder({ orderId: o.orderId, by: "buyer", buyerId: other.user.id, input: {} }),
    ).rejects.toMatchObject({ status: 404 });
    await shipOrder({
      sellerId: o.s.seller.id,
      actorId: o.s.user.id,
      orderId: o.orderId,
      input: { carrier: "UPS", trackingNumber: "1Z999AA1" },
    });
    await expect(
      cancelOrder({ orderId: o.orderId, by: "buyer", buyerId: o.buyer.id, input: {} }),
    ).rejects.toMatchObject({ status: 409, message: expect.stringContaining("already shipped") });
    await expect(
      cancelOrder({
        orderId: o.orderId,
        by: "seller",
        sellerId: o.s.seller.id,
        actorId: o.s.user.id,
        input: { reason: "out_of_stock" },
      }),
    ).rejects.toMatchObject({ status: 409 });
    expect(await refunds(o.pi!.id)).toEqual([]);
    expect(await stock(o.productId)).toBe(18);
  });

  it("shipping racing a cancellation: exactly one wins", async () => {
    for (let i = 0; i < 3; i++) {
      const o = await order();
      const [ship, cancel] = await Promise.allSettled([
        shipOrder({
          sellerId: o.s.seller.id,
          actorId: o.s.user.id,
          orderId: o.orderId,
          input: { carrier: "UPS", trackingNumber: "1Z999AA1" },
        }),
        cancelOrder({ orderId: o.orderId, by: "buyer", buyerId: o.buyer.id, input: {} }),
      ]);
      expect([ship.status, cancel.status].sort()).toEqual(["fulfilled", "rejected"]);
      const after = await db().order.findUniqueOrThrow({ where: { id: o.orderId } });
      expect(after.status).toBe(ship.status === "fulfilled" ? "shipped" : "refunded");
      expect(await refunds(o.pi!.id)).toEqual(cancel.status === "fulfilled" ? [2_500] : []);
    }
  });

  it("a held order (payment review) can still be cancelled by its buyer; the review is closed", async () => {
    const o = await order();
    await db().moderationCase.create({
      data: { subjectType: "order", subjectId: o.orderId, reasons: [{ code: "test", message: "held for the test" }] },
    });
    await expect(
      shipOrder({
        sellerId: o.s.seller.id,
        actorId: o.s.user.id,
        orderId: o.orderId,
        input: { carrier: "UPS", trackingNumber: "1Z999AA1" },
      }),
    ).rejects.toMatchObject({ status: 409 });
    await cancelOrder({ orderId: o.orderId, by: "buyer", buyerId: o.buyer.id, input: {} });
    expect((await db().moderationCase.findFirstOrThrow({ where: { subjectId: o.orderId } })).status).toBe("dismissed");
    expect(await refunds(o.pi!.id)).toEqual([2_500]);
  });

  it("a buyer cancelling while the payment is being captured: stock returns once and the buyer is refunded exactly once", async () => {
    for (let i = 0; i < 4; i++) {
      const o = await order({ pay: false });
      const pi = await payCheckout(o.checkoutId, o.buyer.id);
      const events = await eventsAbout([pi.id]);
      const [cancelled] = await Promise.allSettled([
        cancelOrder({ orderId: o.orderId, by: "buyer", buyerId: o.buyer.id, input: {} }),
        deliver(events),
      ]);
      expect(cancelled.status).toBe("fulfilled");
      const after = await db().order.findUniqueOrThrow({ where: { id: o.orderId } });
      // Cancelled unpaid first: the late payment is refunded by its job (run here); paid first: the cancellation refunded it.
      if (after.status === "cancelled") expect(await refundLatePayment(o.orderId)).toBe("refunded");
      else expect(after).toMatchObject({ status: "refunded", cancelledBy: "buyer" });
      await deliver(events);
      expect(await refunds(pi.id)).toEqual([2_500]);
      expect(await stock(o.productId)).toBe(20);
    }
  });

  it("an unpaid order is cancelled by its buyer without a refund, and its stock returns", async () => {
    const o = await order({ pay: false });
    expect(await cancelOrder({ orderId: o.orderId, by: "buyer", buyerId: o.buyer.id, input: {} })).toEqual({
      outcome: "cancelled",
      refundedCents: 0,
    });
    expect((await db().order.findUniqueOrThrow({ where: { id: o.orderId } })).status).toBe("cancelled");
    expect(await stock(o.productId)).toBe(20);
    await expect(
      cancelOrder({
        orderId: o.orderId,
        by: "seller",
        sellerId: o.s.seller.id,
        actorId: o.s.user.id,
        input: { reason: "out_of_stock" },
      }),
    ).resolves.toMatchObject({ outcome: "already_cancelled" });
  });
});
