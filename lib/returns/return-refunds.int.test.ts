import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { accountBalance } from "@/lib/ledger/account-balance";
import { buyerAccount } from "@/lib/ledger/accounts";
import { confirmDelivery } from "@/lib/orders/confirm-delivery";
import { shipOrder } from "@/lib/orders/ship-order";
import { releaseEscrow } from "@/lib/payments/release-escrow";
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
import { CarrierSimulatorControl } from "@/tools/carrier-simulator/control";

import { acceptReturn } from "./accept-return";
import { autoRefundReturns } from "./auto-refund-returns";
import { confirmReturnReceipt } from "./confirm-return-receipt";
import { listOrderReturns } from "./list-order-returns";
import { refundReturn } from "./refund-return";
import { requestReturn } from "./request-return";
import type { TRequestReturnInput } from "./return-input";
import { syncReturnTracking } from "./sync-return-tracking";

const DAY = 86_400_000;
const carrier = () => new CarrierSimulatorControl(process.env.CARRIER_API_URL!);
const address = { fullName: "Sam Seller", line1: "1 Kiln Road", city: "Portland", postalCode: "97201", country: "US" };

/**
 * A real money path: one shop's order of a $40.00 item (two of them) and a $20.00 item, paid by
 * card, shipped, delivered and released to the seller (15% commission), so a refund reverses
 * part of the transfer.
 */
async function releasedOrder() {
  const s = await onboardedSeller();
  const buyer = await buyerWithAddress();
  const checkout = await placeCheckout({
    buyer,
    lines: [
      { sellerId: s.seller.id, priceCents: 4_000, quantity: 2 },
      { sellerId: s.seller.id, priceCents: 2_000 },
    ],
  });
  const pi = await payCheckout(checkout.checkout_id, buyer.id);
  await deliver(await eventsAbout([pi.id]));
  const orderId = checkout.orders[0].order_id;
  await shipOrder({
    sellerId: s.seller.id,
    actorId: s.user.id,
    orderId,
    input: { carrier: "UPS", trackingNumber: "1Z999AA1" },
  });
  await confirmDelivery({ buyerId: buyer.id, orderId });
  expect(await releaseEscrow(orderId)).toBe("released");
  const items = await db().orderItem.findMany({ where: { orderId }, orderBy: { unitPriceCents: "desc" } });
  return { s, buyer, orderId, pi, mug: items[0], bowl: items[1] };
}

async function acceptedReturn(
  o: Awaited<ReturnType<typeof releasedOrder>>,
  lines: { order_item_id: string; quantity: number }[],
  reason: TRequestReturnInput["reason"] = "damaged",
) {
  const { returnId } = await requestReturn({
    buyerId: o.buyer.id,
    orderId: o.orderId,
    input: { items: lines, reason },
  });
  const { trackingNumber } = await acceptReturn({
    returnId,
    by: { type: "seller", sellerId: o.s.seller.id, userId: o.s.user.id },
    address,
  });
  return { returnId, trackingNumber: trackingNumber! };
}

const stock = async (productId: string) =>
  (await db().product.findUniqueOrThrow({ where: { id: productId } })).inventoryCount;
const stripeRefunds = async (pi: string) =>
  (await stripe().refunds.list({ payment_intent: pi })).data.map((r) => r.amount).sort((a, b) => a - b);

describe("refunding a return", () => {
  it("the seller's receipt refunds exactly the returned items once, restocks them, and the order stays for the rest", async () => {
    const o = await releasedOrder();
    const { returnId } = await acceptedReturn(o, [{ order_item_id: o.mug.id, quantity: 1 }]);
    const before = await stock(o.mug.productId);
    const first = await confirmReturnReceipt({ sellerId: o.s.seller.id, actorId: o.s.user.id, returnId });
    expect(first).toEqual({ refunded: true, amountCents: 4_000 });
    // Confirmed again (a second tab, a retried job): nothing more happens.
    expect(await confirmReturnReceipt({ sellerId: o.s.seller.id, actorId: o.s.user.id, returnId })).toEqual({
      refunded: true,
      amountCents: 4_000,
    });
    expect(await refundReturn(returnId)).toEqual({ outcome: "already_refunded", amountCents: 4_000 });

    expect(await stripeRefunds(o.pi.id)).toEqual([4_000]);
    // The seller's share of it ($34.00) was reversed from the transfer; the transfer webhook agrees with what was recorded.
    const transfer = await db().transfer.findFirstOrThrow({ where: { orderId: o.orderId } });
    expect(transfer.reversedCents).toBe(3_400);
    await deliver((await eventsAbout([transfer.stripeTransferId!])).filter((e) => e.type.startsWith("transfer.")));
    expect((await db().transfer.findFirstOrThrow({ where: { orderId: o.orderId } })).reversedCents).toBe(3_400);
    expect(await db().return.findUniqueOrThrow({ where: { id: returnId } })).toMatchObject({
      status: "refunded",
      refundTrigger: "seller_receipt",
      refundRestock: true,
      shippingRefundCents: 0,
      refundedCents: 4_000,
    });
    expect(await stock(o.mug.productId)).toBe(before + 1);
    expect(await accountBalance(db(), buyerAccount(o.buyer.id), "USD")).toBe(-10_000 + 4_000);
    const order = await db().order.findUniqueOrThrow({ where: { id: o.orderId } });
    expect(order.status).toBe("completed");
    const mail = await db().notification.findMany({
      where: { dedupeKey: { startsWith: `return:${returnId}:refunded:` } },
      orderBy: { template: "asc" },
    });
    expect(mail.map((m) => [m.template, m.subject])).toEqual([
      ["return-refunded-buyer", `Refund of $40.00 for your return (order ${o.orderId.slice(0, 8)})`],
      ["return-refunded-seller", `Return for order ${o.orderId.slice(0, 8)} refunded ($40.00)`],
    ]);
    // One of the two mugs is still the buyer's to return, the bowl too.
    const view = await listOrderReturns({ orderId: o.orderId, userId: o.buyer.id });
    expect(view.returnable.map((i) => [i.id, i.returnable])).toEqual(
      expect.arrayContaining([
        [o.mug.id, 1],
        [o.bowl.id, 1],
      ]),
    );
    await expect(
      requestReturn({
        buyerId: o.buyer.id,
        orderId: o.orderId,
        input: { items: [{ order_item_id: o.mug.id, quantity: 2 }], reason: "changed_mind" },
      }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringContaining("at most 1") });
  });

  it("receipts confirmed concurrently refund once", async () => {
    const o = await releasedOrder();
    const { returnId } = await acceptedReturn(
      o,
      [
        { order_item_id: o.mug.id, quantity: 2 },
        { order_item_id: o.bowl.id, quantity: 1 },
      ],
      "changed_mind",
    );
    const before = await stock(o.mug.productId);
    const results = await Promise.allSettled(
      [0, 1, 2].map(() => confirmReturnReceipt({ sellerId: o.s.seller.id, actorId: o.s.user.id, returnId })),
    );
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    await refundReturn(returnId);
    expect(await stripeRefunds(o.pi.id)).toEqual([10_000]);
    expect(await stock(o.mug.productId)).toBe(before + 2);
    expect(await db().return.findUniqueOrThrow({ where: { id: returnId } })).toMatchObject({
      status: "refunded",
      refundedCents: 10_000,
    });
    // Everything came back: the order is refunded whole (its own refund emails say so, once), and nothing is left to return.
    expect((await db().order.findUniqueOrThrow({ where: { id: o.orderId } })).status).toBe("refunded");
    expect(
      await db().notification.count({ where: { dedupeKey: { startsWith: `return:${returnId}:refunded:` } } }),
    ).toBe(0);
    await runDomainEvents(); // the order's refund emails react to its move in the worker
    expect(
      await db().notification.count({ where: { dedupeKey: { startsWith: `order:${o.orderId}:refunded:` } } }),
    ).toBe(2);
    expect((await listOrderReturns({ orderId: o.orderId, userId: o.buyer.id })).eligibility).toMatchObject({
      ok: false,
      code: "refunded",
    });
  });

  it("refunds automatically RETURN_AUTO_REFUND_DAYS after the carrier delivered it if the seller stays silent, without restocking", async () => {
    const o = await releasedOrder();
    const { returnId, trackingNumber } = await acceptedReturn(o, [{ order_item_id: o.bowl.id, quantity: 1 }]);
    await carrier().advance(trackingNumber, "delivered");
    expect(await syncReturnTracking({ trackingNumber })).toBe("moved");
    const deliveredAt = (await db().return.findUniqueOrThrow({ where: { id: returnId } })).carrierDeliveredAt!;
    const before = await stock(o.bowl.productId);

    const early = await autoRefundReturns({ now: new Date(deliveredAt.getTime() + 3 * DAY - 60_000) });
    expect(early.claimed).toBe(0);
    expect((await db().return.findUniqueOrThrow({ where: { id: returnId } })).status).toBe("delivered");

    const due = await autoRefundReturns({ now: new Date(deliveredAt.getTime() + 3 * DAY + 60_000) });
    expect(due.claimed).toBeGreaterThanOrEqual(1);
    expect(await db().return.findUniqueOrThrow({ where: { id: returnId } })).toMatchObject({
      status: "refunded",
      refundTrigger: "carrier_delivered",
      refundRestock: false,
      refundedCents: 2_000,
    });
    expect(await stripeRefunds(o.pi.id)).toEqual([2_000]);
    expect(await stock(o.bowl.productId)).toBe(before);
    // The seller's late confirmation and later runs change nothing.
    expect(await confirmReturnReceipt({ sellerId: o.s.seller.id, actorId: o.s.user.id, returnId })).toEqual({
      refunded: true,
      amountCents: 2_000,
    });
    await autoRefundReturns({ now: new Date(deliveredAt.getTime() + 10 * DAY) });
    expect(await stripeRefunds(o.pi.id)).toEqual([2_000]);
    expect(await stock(o.bowl.productId)).toBe(before);
  });

  it("only the order's seller confirms receipt, and only of an accepted return", async () => {
    const o = await releasedOrder();
    const other = await onboardedSeller();
    const { returnId } = await requestReturn({
      buyerId: o.buyer.id,
      orderId: o.orderId,
      input: { items: [{ order_item_id: o.bowl.id, quantity: 1 }], reason: "doesnt_fit" },
    });
    await expect(
      confirmReturnReceipt({ sellerId: other.seller.id, actorId: other.user.id, returnId }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      confirmReturnReceipt({ sellerId: o.s.seller.id, actorId: o.s.user.id, returnId }),
    ).rejects.toMatchObject({ status: 409 });
    expect(await stripeRefunds(o.pi.id)).toEqual([]);
  });
});
