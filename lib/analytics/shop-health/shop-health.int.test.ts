// The seller analytics page's after-sale blocks, each against seeded rows with exact expected
// numbers: refund, return and dispute rates; the weekly rating trend; payouts received, on the
// way and to come (through the real release and payout run); and days of cover per listing.
import { randomUUID } from "node:crypto";

import { describe, expect, it } from "vitest";

import { recordOrderPaid } from "@/lib/analytics/events/record-order-events";
import { resolveAnalyticsRange } from "@/lib/analytics/report/analytics-range";
import { getSellerAnalytics } from "@/lib/analytics/report/get-seller-analytics";
import { rollUpAnalytics } from "@/lib/analytics/rollups/roll-up-analytics";
import { db } from "@/lib/db/client";
import { confirmDelivery } from "@/lib/orders/confirm-delivery";
import { shipOrder } from "@/lib/orders/ship-order";
import { releaseEscrow } from "@/lib/payments/release-escrow";
import { runDailyPayouts } from "@/lib/payouts/run-daily-payouts";
import { createCategory, createProduct, createSeller, createUser } from "@/test/factories";
import { createOrder } from "@/test/order-factories";
import {
  buyerWithAddress,
  deliver,
  eventsAbout,
  onboardedSeller,
  payCheckout,
  placeCheckout,
} from "@/test/payment-scenario";

import { afterSaleRate, countAfterSaleCases } from "./count-after-sale-cases";
import { getInventoryForecast } from "./get-inventory-forecast";
import { getPayoutSummary } from "./get-payout-summary";
import { getRatingTrend } from "./get-rating-trend";

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);

async function shop() {
  const { user, seller } = await createSeller(db());
  const category = await createCategory(db());
  const product = (opts: { title?: string; inventoryCount?: number } = {}) =>
    createProduct(db(), { sellerId: seller.id, categoryId: category.id, ...opts });
  return { user, seller, product };
}

/** A paid order of one item (1000 cents a unit), paid at `paidAt` and recorded as an analytics event. */
async function paidOrder(opts: {
  sellerId: string;
  buyerId: string;
  productId: string;
  paidAt: Date;
  quantity?: number;
}) {
  const o = await createOrder(db(), {
    buyerId: opts.buyerId,
    sellerId: opts.sellerId,
    productIds: [opts.productId],
    status: "paid",
  });
  await db().order.update({ where: { id: o.id }, data: { paidAt: opts.paidAt } });
  if (opts.quantity) await db().orderItem.updateMany({ where: { orderId: o.id }, data: { quantity: opts.quantity } });
  await db().$transaction((tx) => recordOrderPaid(tx, o.id));
  return o;
}

async function refund(order: { id: string; checkoutId: string }, opts: { status: "succeeded" | "failed"; at: Date }) {
  const payment = await db().payment.upsert({
    where: { paymentIntentId: `pi_${order.id}` },
    create: { checkoutId: order.checkoutId, paymentIntentId: `pi_${order.id}`, amountCents: 1000, currency: "USD" },
    update: {},
  });
  await db().refund.create({
    data: {
      orderId: order.id,
      paymentId: payment.id,
      idempotencyKey: randomUUID(),
      amountCents: 500,
      currency: "USD",
      status: opts.status,
      createdAt: opts.at,
    },
  });
}

describe("after-sale rates", () => {
  it("count refunded orders, returns asked for and disputed orders per paid order, this period and the one before", async () => {
    const a = await shop();
    const b = await shop();
    const buyer = await createUser(db());
    const p = await a.product();
    const cur = await Promise.all(
      [0, 1, 2, 3].map(() =>
        paidOrder({ sellerId: a.seller.id, buyerId: buyer.id, productId: p.id, paidAt: new Date() }),
      ),
    );
    const old = await Promise.all(
      [10, 11].map((d) => paidOrder({ sellerId: a.seller.id, buyerId: buyer.id, productId: p.id, paidAt: ago(d) })),
    );
    // Two refunds of one order count once; a failed refund not at all.
    await refund(cur[0], { status: "succeeded", at: new Date() });
    await refund(cur[0], { status: "succeeded", at: new Date() });
    await refund(cur[1], { status: "failed", at: new Date() });
    // A refund of an older order counts in the period it happened.
    await refund(old[0], { status: "succeeded", at: ago(9) });
    // Returns: one asked for now, one withdrawn (not counted), one in the previous period.
    await db().return.create({ data: { orderId: cur[1].id, reason: "doesnt_fit" } });
    await db().return.create({ data: { orderId: cur[2].id, reason: "changed_mind", status: "cancelled" } });
    await db().return.create({ data: { orderId: old[1].id, reason: "damaged", createdAt: ago(9) } });
    // Disputes: a marketplace dispute and a card chargeback on one order count once; another order's chargeback too.
    await db().dispute.create({ data: { orderId: cur[2].id, reason: "Never arrived" } });
    for (const o of [cur[2], cur[3]])
      await db().chargeback.create({
        data: {
          stripeDisputeId: `dp_${o.id}`,
          chargeId: `ch_${o.id}`,
          orderId: o.id,
          stage: "held",
          status: "won",
          closedAt: new Date(),
          reason: "fraudulent",
          amountCents: 1000,
          currency: "USD",
        },
      });
    // Another shop's cases are its own.
    const bp = await b.product();
    const bo = await paidOrder({ sellerId: b.seller.id, buyerId: buyer.id, productId: bp.id, paidAt: new Date() });
    await refund(bo, { status: "succeeded", at: new Date() });
    await db().return.create({ data: { orderId: bo.id, reason: "doesnt_fit" } });

    const range = resolveAnalyticsRange({ days: "7" });
    const cases = await countAfterSaleCases({ sellerId: a.seller.id, range });
    expect(cases).toEqual({
      current: { refundedOrders: 1, returns: 1, disputedOrders: 2 },
      previous: { refundedOrders: 1, returns: 1, disputedOrders: 0 },
    });
    const report = await getSellerAnalytics({ sellerId: a.seller.id, range });
    expect([report.current.paidOrders, report.previous.paidOrders]).toEqual([4, 2]);
    expect(afterSaleRate(cases.current.refundedOrders, report.current.paidOrders)).toBe(0.25);
    expect(afterSaleRate(cases.current.disputedOrders, report.current.paidOrders)).toBe(0.5);
    expect(afterSaleRate(cases.previous.returns, report.previous.paidOrders)).toBe(0.5);
    expect(afterSaleRate(3, 0)).toBeNull();
    expect(await countAfterSaleCases({ sellerId: b.seller.id, range })).toEqual({
      current: { refundedOrders: 1, returns: 1, disputedOrders: 0 },
      previous: { refundedOrders: 0, returns: 0, disputedOrders: 0 },
    });
  });
});

describe("rating trend", () => {
  it("averages visible reviews of the shop's products per Monday week, over the range and the period before", async () => {
    const a = await shop();
    const b = await shop();
    const buyer = await createUser(db());
    const [p1, p2] = [await a.product(), await a.product()];
    const bp = await b.product();
    const review = async (productId: string, sellerId: string, rating: number, at: string, hidden = false) => {
      const o = await createOrder(db(), { buyerId: buyer.id, sellerId, productIds: [productId] });
      await db().review.create({
        data: {
          orderId: o.id,
          orderItemId: o.items[0].id,
          productId,
          buyerId: buyer.id,
          rating,
          title: "Review",
          status: hidden ? "hidden" : "visible",
          editableUntil: new Date(at),
          createdAt: new Date(at),
        },
      });
    };
    // 2026-11-02 and 2026-11-09 are Mondays; the range is those two weeks, the previous period the two before.
    await review(p1.id, a.seller.id, 5, "2026-11-03T10:00:00Z");
    await review(p2.id, a.seller.id, 4, "2026-11-08T23:59:00Z");
    await review(p1.id, a.seller.id, 2, "2026-11-09T00:00:00Z");
    await review(p2.id, a.seller.id, 3, "2026-11-15T12:00:00Z");
    await review(p1.id, a.seller.id, 5, "2026-11-15T13:00:00Z", true); // hidden
    await review(p1.id, a.seller.id, 1, "2026-10-20T09:00:00Z"); // previous period
    await review(p1.id, a.seller.id, 1, "2026-11-16T00:00:00Z"); // after the range
    await review(bp.id, b.seller.id, 1, "2026-11-04T09:00:00Z"); // another shop

    const range = resolveAnalyticsRange({ from: "2026-11-02", to: "2026-11-15" });
    expect(await getRatingTrend({ sellerId: a.seller.id, range })).toEqual({
      weeks: [
        { week: "2026-11-02", reviews: 2, averageRating: 4.5 },
        { week: "2026-11-09", reviews: 2, averageRating: 2.5 },
      ],
      current: { reviews: 4, averageRating: 3.5 },
      previous: { reviews: 1, averageRating: 1 },
    });
    const none = resolveAnalyticsRange({ from: "2026-09-01", to: "2026-09-07" });
    expect(await getRatingTrend({ sellerId: a.seller.id, range: none })).toEqual({
      weeks: [],
      current: { reviews: 0, averageRating: null },
      previous: { reviews: 0, averageRating: null },
    });
  });
});

describe("payouts", () => {
  it("shows payouts received by arrival date, one on its way, what the next run pays and what escrow still holds", async () => {
    const s = await onboardedSeller();
    // A 40.00 order: commission 6.00, the seller's share 34.00.
    const sale = async (opts: { release: boolean }) => {
      const buyer = await buyerWithAddress();
      const checkout = await placeCheckout({ buyer, lines: [{ sellerId: s.seller.id, priceCents: 4_000 }] });
      const orderId = checkout.orders[0].order_id;
      await deliver(await eventsAbout([(await payCheckout(checkout.checkout_id, buyer.id)).id]));
      await shipOrder({
        sellerId: s.seller.id,
        actorId: s.user.id,
        orderId,
        input: { carrier: "UPS", trackingNumber: "1Z999AA10123456784" },
      });
      await confirmDelivery({ buyerId: buyer.id, orderId });
      if (opts.release) expect(await releaseEscrow(orderId)).toBe("released");
      return orderId;
    };
    const payOut = async (day: string, arrival: Date, status: "paid" | "in_transit") => {
      await runDailyPayouts({ day: `${day}-${s.seller.id}` });
      const p = await db().payout.findFirstOrThrow({
        where: { sellerId: s.seller.id, idempotencyKey: { contains: day } },
      });
      await db().payout.update({ where: { id: p.id }, data: { arrivalDate: arrival, status } });
    };
    await sale({ release: true });
    await payOut("first", ago(10), "paid"); // the previous period of a 7-day range
    await sale({ release: true });
    await payOut("second", ago(1), "paid");
    await sale({ release: true });
    const arrival = new Date(Date.now() + 2 * DAY);
    await payOut("third", arrival, "in_transit");
    await sale({ release: true }); // available: the next run pays it
    await sale({ release: false }); // delivered, still in escrow

    const range = resolveAnalyticsRange({ days: "7" });
    const now = new Date("2026-12-04T03:00:00Z");
    expect(await getPayoutSummary({ sellerId: s.seller.id, range, now })).toEqual([
      {
        currency: "USD",
        received: { payouts: 1, amountCents: 3_400 },
        previousReceived: { payouts: 1, amountCents: 3_400 },
        inTransit: { payouts: 1, amountCents: 3_400, nextArrival: arrival },
        availableCents: 3_400,
        heldCents: 3_400,
        nextPayoutAt: new Date("2026-12-05T02:30:00Z"),
      },
    ]);
    // Without a payout account that can be paid, no next run is promised.
    await db().sellerProfile.update({ where: { id: s.seller.id }, data: { payoutsEnabled: false } });
    const [usd] = await getPayoutSummary({ sellerId: s.seller.id, range, now });
    expect(usd.nextPayoutAt).toBeNull();
    // A seller with nothing yet has no rows.
    expect(await getPayoutSummary({ sellerId: (await createSeller(db())).seller.id, range })).toEqual([]);
  });
});

describe("inventory forecast", () => {
  it("gives days of cover at the last 28 days' rate, flags under 14 days, most urgent first", async () => {
    const a = await shop();
    const buyer = await createUser(db());
    const fast = await a.product({ title: "Fast", inventoryCount: 27 }); // 56 sold: 2/day, 13.5 days
    const steady = await a.product({ title: "Steady", inventoryCount: 10 }); // 28 sold: 1/day, 10 days
    const slow = await a.product({ title: "Slow", inventoryCount: 100 }); // 14 sold: 0.5/day, 200 days
    const gone = await a.product({ title: "Gone", inventoryCount: 0 }); // 2 sold, none left: 0 days
    const quiet = await a.product({ title: "Quiet", inventoryCount: 3 }); // no sales in the window: left out
    const archived = await a.product({ title: "Archived", inventoryCount: 1 });
    const sell = (productId: string, quantity: number, daysAgo: number) =>
      paidOrder({ sellerId: a.seller.id, buyerId: buyer.id, productId, paidAt: ago(daysAgo), quantity });
    await sell(fast.id, 50, 0);
    await sell(fast.id, 6, 27); // the window's first day
    await sell(steady.id, 28, 3);
    await sell(slow.id, 14, 20);
    await sell(gone.id, 2, 1);
    await sell(quiet.id, 40, 28); // a day before the window
    await sell(archived.id, 5, 2);
    await db().product.update({ where: { id: archived.id }, data: { status: "archived" } });

    const expected = {
      items: [
        ["Gone", 0, 2, 0.07, 0, true],
        ["Steady", 10, 28, 1, 10, true],
        ["Fast", 27, 56, 2, 13.5, true],
        ["Slow", 100, 14, 0.5, 200, false],
      ],
      reorderSoonCount: 3,
    };
    const check = async () => {
      const f = await getInventoryForecast({ sellerId: a.seller.id });
      expect(f.window.days).toBe(28);
      expect({
        items: f.items.map((i) => [
          i.title,
          i.inventoryCount,
          i.unitsSold,
          i.unitsPerDay,
          i.daysOfCover,
          i.reorderSoon,
        ]),
        reorderSoonCount: f.reorderSoonCount,
      }).toEqual(expected);
    };
    await check();
    await rollUpAnalytics(); // the same from the rollups as from the tail of events not yet rolled up
    await check();
    expect((await getInventoryForecast({ sellerId: (await shop()).seller.id })).items).toEqual([]);
  });
});
