import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { expireReservations } from "@/lib/orders/expire-reservations";
import {
  buyerWithAddress,
  deliver,
  eventsAbout,
  onboardedSeller,
  payCheckout,
  placeCheckout,
} from "@/test/payment-scenario";

import { startCheckoutPayment } from "./start-checkout-payment";
import { stripe } from "./stripe-client";

async function declinedCheckout(quantity = 2) {
  const s = await onboardedSeller();
  const buyer = await buyerWithAddress();
  const checkout = await placeCheckout({ buyer, lines: [{ sellerId: s.seller.id, priceCents: 1_500, quantity }] });
  const orderId = checkout.orders[0].order_id;
  const { productId } = await db().orderItem.findFirstOrThrow({ where: { orderId }, select: { productId: true } });
  const stock = async () =>
    (await db().product.findUniqueOrThrow({ where: { id: productId }, select: { inventoryCount: true } }))
      .inventoryCount;
  expect(await stock()).toBe(20 - quantity);
  const pi = await payCheckout(checkout.checkout_id, buyer.id, "pm_card_chargeDeclinedInsufficientFunds");
  expect(pi.status).toBe("requires_payment_method");
  await deliver(await eventsAbout([pi.id]));
  return { buyer, checkoutId: checkout.checkout_id, orderId, productId, stock, pi };
}

const orderOf = (id: string) =>
  db().order.findUniqueOrThrow({ where: { id }, select: { status: true, reservationReleasedAt: true } });

describe("a failed payment returns the stock at once", () => {
  it("a decline puts the items back on sale; replays change nothing; a retry reserves them again and pays", async () => {
    const { buyer, checkoutId, orderId, stock, pi } = await declinedCheckout();
    expect(await stock()).toBe(20);
    expect((await orderOf(orderId)).status).toBe("pending");
    expect(await db().checkout.findUniqueOrThrow({ where: { id: checkoutId }, select: { status: true } })).toEqual({
      status: "payment_failed",
    });
    await deliver(await eventsAbout([pi.id]));
    expect(await stock()).toBe(20);

    const retried = await payCheckout(checkoutId, buyer.id, "pm_card_visa");
    expect(retried).toMatchObject({ id: pi.id, status: "succeeded" });
    expect(await stock()).toBe(18);
    await deliver(await eventsAbout([pi.id]));
    expect(await orderOf(orderId)).toEqual({ status: "paid", reservationReleasedAt: null });
    expect(await stock()).toBe(18);
  });

  it("a retry after the items sold out is refused with what ran out; the expiry then cancels the order without returning stock twice", async () => {
    const { buyer, checkoutId, orderId, productId, stock } = await declinedCheckout();
    await db().product.update({ where: { id: productId }, data: { inventoryCount: 1 } });
    await expect(startCheckoutPayment({ checkoutId, buyerId: buyer.id })).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining("sold out after your last payment attempt failed (1 left)"),
    });
    expect(await stock()).toBe(1);
    const { reservationExpiresAt } = await db().order.findUniqueOrThrow({
      where: { id: orderId },
      select: { reservationExpiresAt: true },
    });
    await expireReservations({ now: new Date(reservationExpiresAt.getTime() + 1_000) });
    expect((await orderOf(orderId)).status).toBe("cancelled");
    expect(await stock()).toBe(1);
    expect(await db().checkout.findUniqueOrThrow({ where: { id: checkoutId }, select: { status: true } })).toEqual({
      status: "cancelled",
    });
  });

  it("a retry confirmed straight with Stripe (no new reservation) takes the stock when the money arrives, or cancels and refunds if it sold out", async () => {
    const a = await declinedCheckout(1);
    await stripe().paymentIntents.confirm(a.pi.id, { payment_method: "pm_card_visa" });
    await deliver(await eventsAbout([a.pi.id]));
    expect((await orderOf(a.orderId)).status).toBe("paid");
    expect(await a.stock()).toBe(19);

    const b = await declinedCheckout(1);
    await db().product.update({ where: { id: b.productId }, data: { inventoryCount: 0 } });
    await stripe().paymentIntents.confirm(b.pi.id, { payment_method: "pm_card_visa" });
    await deliver(await eventsAbout([b.pi.id]));
    expect((await orderOf(b.orderId)).status).toBe("cancelled");
    expect(await b.stock()).toBe(0);
    expect(await db().ledgerEntry.count({ where: { orderId: b.orderId } })).toBe(0);
    const jobs = await db().$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM pgboss.job WHERE name = 'refund-late-payment' AND data->>'orderId' = ${b.orderId}`;
    expect(Number(jobs[0].n)).toBe(1);
  });
});
