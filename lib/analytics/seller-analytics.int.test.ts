// Seeded events and orders give the exact funnel, revenue and top products, before the rollup
// (read from the raw tail) and after it (from the rollups); and the API answers only the shop's
// own seller, with a 4xx for a bad range.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";

import * as exportRoute from "@/app/api/v1/sellers/[sellerId]/analytics/export/route";
import * as reportRoute from "@/app/api/v1/sellers/[sellerId]/analytics/route";
import { db } from "@/lib/db/client";
import { inRequestScope, requestHeaders, sessionCookie } from "@/test/as-request";
import { createCategory, createProduct, createSeller, createUser } from "@/test/factories";
import { createOrder } from "@/test/order-factories";

import { flushAnalyticsEvents, recordAnalyticsEvents } from "./events/analytics-event-log";
import { eventActor } from "./events/event-actor";
import { recordAddToCart } from "./events/record-add-to-cart";
import { recordCheckoutStarted } from "./events/record-checkout-started";
import { recordOrderPaid, recordOrderRefund } from "./events/record-order-events";
import { recordProductView } from "./events/record-product-view";
import { resolveAnalyticsRange } from "./report/analytics-range";
import { getSellerAnalytics } from "./report/get-seller-analytics";
import { rollUpAnalytics } from "./rollups/roll-up-analytics";

const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";
const headersOf = (ua: string, socket = "198.51.100.7") =>
  new Headers({ ...requestHeaders({ socket }), "user-agent": ua });
const DAY = 86_400_000;

async function shop() {
  const { user, seller } = await createSeller(db());
  const category = await createCategory(db());
  const p1 = await createProduct(db(), { sellerId: seller.id, categoryId: category.id, title: "Blue mug" });
  const p2 = await createProduct(db(), { sellerId: seller.id, categoryId: category.id, title: "Red mug" });
  return { user, seller, p1, p2 };
}

async function paid(orderId: string, paidAt: Date) {
  await db().order.update({ where: { id: orderId }, data: { paidAt } });
  await db().$transaction((tx) => recordOrderPaid(tx, orderId));
}

describe("seller analytics", () => {
  it("counts the funnel, revenue and top products exactly, from the tail and from the rollups alike", async () => {
    const a = await shop();
    const b = await shop();
    const buyer = await createUser(db());
    const visitor = eventActor(headersOf(BROWSER), null);
    for (let i = 0; i < 5; i++) recordProductView({ product_id: a.p1.id }, visitor);
    for (let i = 0; i < 3; i++) recordProductView({ product_id: a.p2.id }, eventActor(headersOf(BROWSER), buyer.id));
    // A crawler's view and a view with no browser at all are not counted; another shop's are its own.
    expect(
      recordProductView(
        { product_id: a.p1.id },
        eventActor(headersOf("Googlebot/2.1 (+http://www.google.com/bot.html)"), null),
      ),
    ).toBe(false);
    expect(recordProductView({ product_id: a.p1.id }, eventActor(new Headers(), null))).toBe(false);
    recordProductView({ product_id: b.p1.id }, visitor);
    recordAddToCart(a.p1.id, visitor);
    recordAddToCart(a.p1.id, visitor);
    recordAddToCart(a.p2.id, eventActor(headersOf(BROWSER), buyer.id));
    // A beacon may not credit another shop: the product's seller is looked up.
    recordAnalyticsEvents([
      { kind: "product_view", productId: b.p2.id, sellerId: a.seller.id, userId: null, visitorKey: "k" },
    ]);

    const o1 = await createOrder(db(), {
      buyerId: buyer.id,
      sellerId: a.seller.id,
      productIds: [a.p1.id],
      status: "paid",
    });
    const o2 = await createOrder(db(), {
      buyerId: buyer.id,
      sellerId: a.seller.id,
      productIds: [a.p1.id, a.p2.id],
      status: "paid",
    });
    // Ten days ago: the previous period of a 7-day range.
    const old = await createOrder(db(), {
      buyerId: buyer.id,
      sellerId: a.seller.id,
      productIds: [a.p2.id],
      status: "paid",
    });
    recordCheckoutStarted(buyer.id, [
      { orderId: o1.id, sellerId: a.seller.id },
      { orderId: o2.id, sellerId: a.seller.id },
    ]);
    await flushAnalyticsEvents();
    await paid(o1.id, new Date());
    await paid(o2.id, new Date());
    await paid(o2.id, new Date()); // a retried dispatch records nothing twice
    await paid(old.id, new Date(Date.now() - 10 * DAY));
    await db().$transaction((tx) => recordOrderRefund(tx, { orderId: o1.id, refundId: null }));

    const range = resolveAnalyticsRange({ days: "7" });
    const expectNumbers = async () => {
      const r = await getSellerAnalytics({ sellerId: a.seller.id, range });
      expect(r.current).toEqual({
        views: 8,
        addToCarts: 3,
        checkouts: 2,
        paidOrders: 2,
        refunds: 1,
        revenue: [{ currency: "USD", orders: 2, revenueCents: 3000 }],
      });
      expect(r.previous).toMatchObject({
        paidOrders: 1,
        views: 0,
        revenue: [{ currency: "USD", orders: 1, revenueCents: 1000 }],
      });
      expect(r.topProducts.map((p) => [p.title, p.views, p.addToCarts, p.unitsSold, p.revenueCents])).toEqual([
        ["Blue mug", 5, 2, 2, 2000],
        ["Red mug", 3, 1, 1, 1000],
      ]);
      const today = r.days.at(-1)!;
      expect(today).toMatchObject({ day: range.to, views: 8, paidOrders: 2, revenue: { USD: 3000 } });
      expect(r.days.reduce((s, d) => s + (d.revenue.USD ?? 0), 0)).toBe(3000);
      return r;
    };
    await expectNumbers();
    const run = await rollUpAnalytics();
    expect(run.ran).toBe(true);
    expect(run.events).toBeGreaterThanOrEqual(16);
    await expectNumbers();
    // A second run finds nothing new and changes nothing.
    expect((await rollUpAnalytics()).events).toBe(0);
    await expectNumbers();
    const other = await getSellerAnalytics({ sellerId: b.seller.id, range });
    expect(other.current).toMatchObject({ views: 2, addToCarts: 0, paidOrders: 0, revenue: [] });
  });

  type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
  async function call(handler: Handler, sellerId: string, query: string, cookie: string) {
    const url = new URL(`/api/v1/sellers/${sellerId}/analytics${query}`, "http://localhost:3000");
    const headers = requestHeaders({ cookie, socket: "198.51.100.9" });
    return inRequestScope(url.toString(), headers, () =>
      handler(new NextRequest(url, { method: "GET", headers }), { params: Promise.resolve({ sellerId }) }),
    );
  }

  it("answers only the shop's own seller, as JSON and CSV whose totals match the report", async () => {
    const a = await shop();
    const b = await shop();
    const buyer = await createUser(db());
    const o = await createOrder(db(), {
      buyerId: buyer.id,
      sellerId: a.seller.id,
      productIds: [a.p1.id, a.p2.id],
      status: "paid",
    });
    await paid(o.id, new Date());
    const aCookie = await sessionCookie(a.user);
    const bCookie = await sessionCookie(b.user);

    const json = await call(reportRoute.GET as Handler, a.seller.id, "?days=30", aCookie);
    expect(json.status).toBe(200);
    const body = (await json.json()) as {
      totals: { paid_orders: number; revenue: { revenue_cents: number; average_order_cents: number }[] };
    };
    expect(body.totals.paid_orders).toBe(1);
    expect(body.totals.revenue).toEqual([
      { currency: "USD", orders: 1, revenue_cents: 2000, average_order_cents: 2000 },
    ]);

    const csv = await call(exportRoute.GET as Handler, a.seller.id, "?days=30", aCookie);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toBe("date,product_views,add_to_carts,checkouts_started,paid_orders,refunds,revenue_USD");
    expect(lines).toHaveLength(1 + 30 + 1);
    expect(lines.at(-1)).toBe("total,0,0,0,1,0,20.00");

    // Seller B asking for A's numbers, either way, is refused and sees none of them.
    for (const handler of [reportRoute.GET, exportRoute.GET]) {
      const res = await call(handler as Handler, a.seller.id, "?days=30", bCookie);
      expect(res.status).toBe(403);
      expect(await res.text()).not.toContain("20.00");
    }
    const buyerRes = await call(reportRoute.GET as Handler, a.seller.id, "", await sessionCookie(buyer));
    expect(buyerRes.status).toBe(403);
  });

  it("answers 400 with a message for a range over a year, from after to, a half range or a bad preset", async () => {
    const a = await shop();
    const cookie = await sessionCookie(a.user);
    for (const q of [
      "?from=2025-01-01&to=2026-06-01",
      "?from=2026-03-02&to=2026-03-01",
      "?from=2026-03-01",
      "?days=8",
      "?from=yesterday&to=today",
    ]) {
      const res = await call(reportRoute.GET as Handler, a.seller.id, q, cookie);
      expect(res.status, q).toBe(400);
      const err = (await res.json()) as { error: { code: string; message: string } };
      expect(err.error.code).toBe("validation_failed");
      expect(err.error.message.length).toBeGreaterThan(5);
    }
  });
});
