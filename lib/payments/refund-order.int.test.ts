import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { getSellerLedgerBalance } from "@/lib/ledger/get-seller-ledger-balance";
import { confirmDelivery } from "@/lib/orders/confirm-delivery";
import { shipOrder } from "@/lib/orders/ship-order";
import { getSellerBalance } from "@/lib/payouts/get-seller-balance";
import { runDailyPayouts } from "@/lib/payouts/run-daily-payouts";
import { createUser } from "@/test/factories";
import {
  buyerWithAddress,
  deliver,
  eventsAbout,
  onboardedSeller,
  payCheckout,
  placeCheckout,
} from "@/test/payment-scenario";

import { refundOrder } from "./refund-order";
import { releaseEscrow } from "./release-escrow";
import { stripe } from "./stripe-client";

let adminId: string;
beforeAll(async () => {
  adminId = (await createUser(db(), { role: "admin" })).id;
});

/** One paid order of one seller: a mug (3 × 10.00) and a card (1 × 5.00), plus shipping when asked. */
async function paidOrder(opts: { shippingCents?: number } = {}) {
  const s = await onboardedSeller();
  const buyer = await buyerWithAddress();
  const checkout = await placeCheckout({
    buyer,
    lines: [
      { sellerId: s.seller.id, priceCents: 1_000, quantity: 3 },
      { sellerId: s.seller.id, priceCents: 500 },
    ],
  });
  const orderId = checkout.orders[0].order_id;
  if (opts.shippingCents) {
    await db().order.update({
      where: { id: orderId },
      data: { shippingCents: opts.shippingCents, totalCents: { increment: opts.shippingCents } },
    });
    await db().checkout.update({
      where: { id: checkout.checkout_id },
      data: { totalCents: { increment: opts.shippingCents } },
    });
  }
  const pi = await payCheckout(checkout.checkout_id, buyer.id);
  await deliver(await eventsAbout([pi.id]));
  const items = await db().orderItem.findMany({ where: { orderId }, orderBy: { unitPriceCents: "desc" } });
  return { s, buyer, pi, orderId, checkoutId: checkout.checkout_id, mug: items[0], card: items[1] };
}

async function shipAndConfirm(o: Awaited<ReturnType<typeof paidOrder>>) {
  await shipOrder({
    sellerId: o.s.seller.id,
    actorId: o.s.user.id,
    orderId: o.orderId,
    input: { carrier: "UPS", trackingNumber: "1Z999AA1" },
  });
  await confirmDelivery({ buyerId: o.buyer.id, orderId: o.orderId });
}

const stripeRefunds = async (piId: string) =>
  (await stripe().refunds.list({ payment_intent: piId })).data.map((r) => r.amount).sort((a, b) => a - b);

describe("partial refunds", () => {
  it("before release: one item's price leaves escrow, commission shrinks by its share, and the release pays the seller what is left", async () => {
    const o = await paidOrder();
    const before = await db().order.findUniqueOrThrow({ where: { id: o.orderId } });
    expect(before).toMatchObject({ totalCents: 3_500, platformFeeCents: 525 });
    const r = await refundOrder({
      orderId: o.orderId,
      actorType: "seller",
      actorId: o.s.user.id,
      sellerId: o.s.seller.id,
      reason: "One mug was chipped",
      lines: [{ orderItemId: o.mug.id, quantity: 1 }],
      key: `test:${o.orderId}:1`,
      kind: "return",
      restock: true,
    });
    expect(r).toMatchObject({ outcome: "refunded", amountCents: 1_000 });
    expect(
      await refundOrder({
        orderId: o.orderId,
        actorType: "seller",
        sellerId: o.s.seller.id,
        reason: "again",
        lines: [{ orderItemId: o.mug.id, quantity: 1 }],
        key: `test:${o.orderId}:1`,
      }),
    ).toEqual({ outcome: "already_refunded", refundId: r.refundId, amountCents: 1_000 });
    expect(await stripeRefunds(o.pi.id)).toEqual([1_000]);

    const after = await db().order.findUniqueOrThrow({ where: { id: o.orderId }, include: { items: true } });
    expect(after).toMatchObject({ status: "paid", escrowStatus: "held", refundedCents: 1_000, refundedFeeCents: 150 });
    expect(after.items.find((i) => i.id === o.mug.id)!.refundedQuantity).toBe(1);
    expect((await db().product.findUniqueOrThrow({ where: { id: o.mug.productId } })).inventoryCount).toBe(20 - 3 + 1);
    expect((await getSellerBalance(o.s.seller.id)).heldCents).toBe(2_500 - 375);

    await shipAndConfirm(o);
    expect(await releaseEscrow(o.orderId)).toBe("released");
    const transfers = await stripe().transfers.list({ transfer_group: o.checkoutId });
    expect(transfers.data.map((t) => t.amount)).toEqual([2_500 - 375]);
    expect((await getSellerLedgerBalance(db(), { sellerId: o.s.seller.id, currency: "USD" })).payableCents).toBe(2_125);
  });

  it("after release: the item's seller share is reversed from the Transfer, the commission share comes back, the order stays completed", async () => {
    const o = await paidOrder();
    await shipAndConfirm(o);
    await releaseEscrow(o.orderId);
    const r = await refundOrder({
      orderId: o.orderId,
      actorType: "admin",
      actorId: adminId,
      reason: "Card arrived torn",
      lines: [{ orderItemId: o.card.id, quantity: 1 }],
      key: `claim:${o.orderId}`,
      kind: "claim",
    });
    expect(r).toMatchObject({ outcome: "refunded", amountCents: 500 });
    const t = await db().transfer.findFirstOrThrow({ where: { orderId: o.orderId } });
    expect((await stripe().transfers.listReversals(t.stripeTransferId!)).data.map((x) => x.amount)).toEqual([500 - 75]);
    expect(t.reversedCents).toBe(425);
    expect(await db().order.findUniqueOrThrow({ where: { id: o.orderId } })).toMatchObject({
      status: "completed",
      escrowStatus: "released",
      refundedCents: 500,
    });
    expect((await getSellerLedgerBalance(db(), { sellerId: o.s.seller.id, currency: "USD" })).payableCents).toBe(
      2_975 - 425,
    );

    // Refunding the rest makes the order refunded; the commission given back sums to the whole.
    const rest = await refundOrder({
      orderId: o.orderId,
      actorType: "admin",
      actorId: adminId,
      reason: "Everything else too",
    });
    expect(rest).toMatchObject({ outcome: "refunded", amountCents: 3_000 });
    expect(await db().order.findUniqueOrThrow({ where: { id: o.orderId } })).toMatchObject({
      status: "refunded",
      refundedCents: 3_500,
      refundedFeeCents: 525,
    });
    expect(await stripeRefunds(o.pi.id)).toEqual([500, 3_000]);
    expect((await getSellerLedgerBalance(db(), { sellerId: o.s.seller.id, currency: "USD" })).payableCents).toBe(0);
    expect(await refundOrder({ orderId: o.orderId, actorType: "admin", reason: "once more" })).toMatchObject({
      outcome: "already_refunded",
    });
  });

  it("after the payout: the part that can't be reversed becomes a receivable, netted from the next payout", async () => {
    const o = await paidOrder();
    await shipAndConfirm(o);
    await releaseEscrow(o.orderId);
    await runDailyPayouts({ day: `p1-${o.orderId}` });
    await refundOrder({
      orderId: o.orderId,
      actorType: "admin",
      actorId: adminId,
      reason: "Two mugs broken",
      lines: [{ orderItemId: o.mug.id, quantity: 2 }],
      key: `claim:${o.orderId}`,
    });
    const bal = await getSellerLedgerBalance(db(), { sellerId: o.s.seller.id, currency: "USD" });
    expect(bal).toMatchObject({ payableCents: 0, receivableCents: -(2_000 - 300), paidOutCents: 2_975 });
    expect((await getSellerBalance(o.s.seller.id)).receivableCents).toBe(1_700);

    // A later sale of 30.00 (payout 25.50 after commission) is paid out less what is owed.
    const buyer = await buyerWithAddress();
    const next = await placeCheckout({ buyer, lines: [{ sellerId: o.s.seller.id, priceCents: 3_000 }] });
    await deliver(await eventsAbout([(await payCheckout(next.checkout_id, buyer.id)).id]));
    const nextId = next.orders[0].order_id;
    await shipOrder({
      sellerId: o.s.seller.id,
      actorId: o.s.user.id,
      orderId: nextId,
      input: { carrier: "UPS", trackingNumber: "1Z999AA2" },
    });
    await confirmDelivery({ buyerId: buyer.id, orderId: nextId });
    await releaseEscrow(nextId);
    await runDailyPayouts({ day: `p2-${o.orderId}` });
    const payouts = await db().payout.findMany({ where: { sellerId: o.s.seller.id }, orderBy: { createdAt: "asc" } });
    expect(payouts.map((p) => p.amountCents)).toEqual([2_975, 2_550 - 1_700]);
    expect(await getSellerLedgerBalance(db(), { sellerId: o.s.seller.id, currency: "USD" })).toMatchObject({
      payableCents: 0,
      receivableCents: 0,
    });
  });

  it("shipping by policy: a partial refund returns shipping only when asked; a whole refund returns what is left of it", async () => {
    const o = await paidOrder({ shippingCents: 499 });
    await refundOrder({
      orderId: o.orderId,
      actorType: "admin",
      reason: "Card missing",
      lines: [{ orderItemId: o.card.id, quantity: 1 }],
      shippingCents: 200,
      key: `a:${o.orderId}`,
    });
    await expect(
      refundOrder({
        orderId: o.orderId,
        actorType: "admin",
        reason: "too much shipping",
        shippingCents: 300,
        key: `b:${o.orderId}`,
      }),
    ).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/At most 299 cents of shipping/) });
    const rest = await refundOrder({ orderId: o.orderId, actorType: "admin", reason: "All of it" });
    expect(rest.amountCents).toBe(3_000 + 299);
    expect(await db().order.findUniqueOrThrow({ where: { id: o.orderId } })).toMatchObject({
      status: "refunded",
      escrowStatus: "refunded",
      refundedCents: 3_999,
      refundedShippingCents: 499,
      refundedFeeCents: 525,
    });
    expect(await stripeRefunds(o.pi.id)).toEqual([700, 3_299]);
  });

  it("never above what was paid: quantities and amounts beyond what is left are refused, concurrent refunds of the last unit refund it once, the database refuses the rest", async () => {
    const o = await paidOrder();
    await expect(
      refundOrder({
        orderId: o.orderId,
        actorType: "admin",
        reason: "too many",
        lines: [{ orderItemId: o.mug.id, quantity: 4 }],
        key: `x:${o.orderId}`,
      }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      refundOrder({
        orderId: o.orderId,
        actorType: "admin",
        reason: "too much",
        amountCents: 3_501,
        key: `y:${o.orderId}`,
      }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      refundOrder({
        orderId: o.orderId,
        actorType: "admin",
        reason: "other item",
        lines: [{ orderItemId: "00000000-0000-4000-8000-000000000000", quantity: 1 }],
        key: `z:${o.orderId}`,
      }),
    ).rejects.toMatchObject({ status: 400 });
    const racing = await Promise.allSettled(
      [1, 2, 3].map((n) =>
        refundOrder({
          orderId: o.orderId,
          actorType: "admin",
          reason: `race ${n}`,
          lines: [{ orderItemId: o.card.id, quantity: 1 }],
          key: `race:${o.orderId}:${n}`,
        }),
      ),
    );
    expect(racing.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(
      racing.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.status),
    ).toEqual([409, 409]);
    expect(await stripeRefunds(o.pi.id)).toEqual([500]);
    // The same refund key retried concurrently refunds once.
    const same = await Promise.all(
      [1, 2].map(() =>
        refundOrder({
          orderId: o.orderId,
          actorType: "admin",
          reason: "same",
          lines: [{ orderItemId: o.mug.id, quantity: 1 }],
          key: `same:${o.orderId}`,
        }),
      ),
    );
    expect(same.map((r) => r.refundId)).toEqual([same[0].refundId, same[0].refundId]);
    expect(await stripeRefunds(o.pi.id)).toEqual([500, 1_000]);
    await expect(db().order.update({ where: { id: o.orderId }, data: { refundedCents: 3_501 } })).rejects.toThrow(
      /orders_refunded_cents_check/,
    );
    await expect(db().orderItem.update({ where: { id: o.card.id }, data: { refundedQuantity: 2 } })).rejects.toThrow(
      /order_items_refunded_quantity_check/,
    );
  });

  it("authorization is in the query: another seller's or buyer's refund of this order is not found", async () => {
    const o = await paidOrder();
    const other = await onboardedSeller();
    await expect(
      refundOrder({ orderId: o.orderId, actorType: "seller", sellerId: other.seller.id, reason: "not mine" }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      refundOrder({ orderId: o.orderId, actorType: "buyer", buyerId: other.user.id, reason: "not mine" }),
    ).rejects.toMatchObject({ status: 404 });
    expect(await stripeRefunds(o.pi.id)).toEqual([]);
  });
});
