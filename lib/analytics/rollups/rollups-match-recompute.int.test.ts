// Property: whatever events arrive, in whatever batches, and wherever the rollup job happens to
// run between them, the rollups equal a from-scratch count over the raw events (computed here
// in TypeScript, not by the job's SQL), and the store's reads (rollups plus the tail) equal it
// at every moment.
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { getAnalyticsStore } from "@/lib/analytics/store/get-analytics-store";
import { db } from "@/lib/db/client";
import { createCategory, createProduct, createSeller, createUser } from "@/test/factories";
import { createOrder } from "@/test/order-factories";

import { rollUpAnalytics } from "./roll-up-analytics";

const KINDS = ["product_view", "add_to_cart", "checkout_started", "order_paid", "refund"] as const;
type Kind = (typeof KINDS)[number];
type Ev = { kind: Kind; seller: number; product: number; order: number; hour: number };
const BASE = Date.parse("2026-11-20T00:00:00Z");
const HOURS = 72;

describe("incremental rollups", () => {
  it("equal a from-scratch recomputation for random events and random job runs", async () => {
    const buyer = await createUser(db());
    const category = await createCategory(db());
    const sellers = await Promise.all([0, 1].map(() => createSeller(db())));
    const products = await Promise.all(
      sellers.flatMap(({ seller }) =>
        [0, 1].map(() => createProduct(db(), { sellerId: seller.id, categoryId: category.id })),
      ),
    );
    // Per seller, orders of one or two items (1000 cents each, createOrder's price).
    const orders = await Promise.all(
      sellers.flatMap(({ seller }, s) =>
        [[0], [0, 1], [1]].map((ix) =>
          createOrder(db(), {
            buyerId: buyer.id,
            sellerId: seller.id,
            productIds: ix.map((i) => products[s * 2 + i].id),
            status: "paid",
          }),
        ),
      ),
    );

    const ev = fc.record({
      kind: fc.constantFrom(...KINDS),
      seller: fc.integer({ min: 0, max: 1 }),
      product: fc.integer({ min: 0, max: 1 }),
      order: fc.integer({ min: 0, max: 2 }),
      hour: fc.integer({ min: 0, max: HOURS - 1 }),
    });
    const step = fc.oneof(
      fc.record({ batch: fc.array(ev, { minLength: 1, maxLength: 8 }) }),
      fc.constant({ rollup: true as const }),
    );

    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 10 }), async (steps) => {
        await db()
          .$executeRaw`TRUNCATE analytics_events, analytics_seller_rollups, analytics_revenue_rollups, analytics_product_rollups`;
        await db().$executeRaw`UPDATE analytics_rollup_state SET xact_watermark = '0'::xid8`;
        const seen: Ev[] = [];
        for (const s of steps) {
          if ("rollup" in s) await rollUpAnalytics();
          else {
            await insert(s.batch);
            seen.push(...s.batch);
          }
          await expectReadsMatch(seen);
        }
        await rollUpAnalytics();
        await expectRollupsMatch(seen);
        await expectReadsMatch(seen);
      }),
      { numRuns: 30 },
    );

    function ids(e: Ev) {
      const product = products[e.seller * 2 + e.product];
      const order = orders[e.seller * 3 + e.order];
      const withProduct = e.kind === "product_view" || e.kind === "add_to_cart";
      const withOrder = !withProduct;
      return {
        sellerId: sellers[e.seller].seller.id,
        productId: withProduct ? product.id : null,
        orderId: withOrder ? order.id : null,
        order,
      };
    }

    async function insert(batch: Ev[]) {
      const rows = batch.map((e) => ({ ...ids(e), kind: e.kind, at: new Date(BASE + e.hour * 3_600_000 + 1_000) }));
      // One transaction per batch, as the buffered writer does.
      await db().$executeRaw`
        INSERT INTO analytics_events (kind, seller_id, product_id, order_id, occurred_at)
        SELECT k::"AnalyticsEventKind", s, p, o, t AT TIME ZONE 'UTC'
          FROM unnest(${rows.map((r) => r.kind)}::text[], ${rows.map((r) => r.sellerId)}::uuid[],
                      ${rows.map((r) => r.productId)}::uuid[], ${rows.map((r) => r.orderId)}::uuid[],
                      ${rows.map((r) => r.at.toISOString())}::timestamptz[]) AS x(k, s, p, o, t)`;
    }

    function expected(seen: Ev[]) {
      const seller = new Map<string, number[]>();
      const revenue = new Map<string, number[]>();
      const product = new Map<string, number[]>();
      const add = (m: Map<string, number[]>, key: string, v: number[]) => {
        const cur = m.get(key) ?? v.map(() => 0);
        m.set(
          key,
          cur.map((c, i) => c + v[i]),
        );
      };
      for (const e of seen) {
        const { sellerId, order } = ids(e);
        const hour = new Date(BASE + e.hour * 3_600_000).toISOString();
        const day = hour.slice(0, 10) + "T00:00:00.000Z";
        for (const [grain, bucket] of [
          ["hour", hour],
          ["day", day],
        ] as const) {
          add(
            seller,
            `${sellerId}|${grain}|${bucket}`,
            KINDS.map((k) => (k === e.kind ? 1 : 0)),
          );
          if (e.kind === "order_paid") {
            add(revenue, `${sellerId}|${grain}|${bucket}|USD`, [1, order.totalCents]);
            for (const it of order.items)
              add(product, `${sellerId}|${grain}|${bucket}|${it.productId}|USD`, [
                0,
                0,
                it.quantity,
                it.quantity * it.unitPriceCents,
              ]);
          }
          if (e.kind === "product_view" || e.kind === "add_to_cart") {
            const p = ids(e).productId!;
            add(product, `${sellerId}|${grain}|${bucket}|${p}|USD`, [
              e.kind === "product_view" ? 1 : 0,
              e.kind === "add_to_cart" ? 1 : 0,
              0,
              0,
            ]);
          }
        }
      }
      return { seller, revenue, product };
    }

    async function expectRollupsMatch(seen: Ev[]) {
      const want = expected(seen);
      const sellerRows = await db().analyticsSellerRollup.findMany();
      expect(
        new Map(
          sellerRows.map((r) => [
            `${r.sellerId}|${r.grain}|${r.bucket.toISOString()}`,
            [r.views, r.addToCarts, r.checkouts, r.paidOrders, r.refunds],
          ]),
        ),
      ).toEqual(want.seller);
      const revenueRows = await db().analyticsRevenueRollup.findMany();
      expect(
        new Map(
          revenueRows.map((r) => [
            `${r.sellerId}|${r.grain}|${r.bucket.toISOString()}|${r.currency}`,
            [r.orders, Number(r.revenueCents)],
          ]),
        ),
      ).toEqual(want.revenue);
      const productRows = await db().analyticsProductRollup.findMany();
      expect(
        new Map(
          productRows.map((r) => [
            `${r.sellerId}|${r.grain}|${r.bucket.toISOString()}|${r.productId}|${r.currency}`,
            [r.views, r.addToCarts, r.unitsSold, Number(r.revenueCents)],
          ]),
        ),
      ).toEqual(want.product);
    }

    async function expectReadsMatch(seen: Ev[]) {
      const want = expected(seen);
      for (const { seller } of sellers) {
        const got = await getAnalyticsStore().readSellerDays({
          sellerId: seller.id,
          from: "2026-11-20",
          to: "2026-11-22",
        });
        const days = new Map(
          got.counts.map((c) => [
            `${seller.id}|day|${c.day}T00:00:00.000Z`,
            [c.views, c.addToCarts, c.checkouts, c.paidOrders, c.refunds],
          ]),
        );
        expect(days).toEqual(new Map([...want.seller].filter(([k]) => k.startsWith(`${seller.id}|day|`))));
        const revenue = new Map(
          got.revenue.map((r) => [`${seller.id}|day|${r.day}T00:00:00.000Z|${r.currency}`, [r.orders, r.revenueCents]]),
        );
        expect(revenue).toEqual(new Map([...want.revenue].filter(([k]) => k.startsWith(`${seller.id}|day|`))));
      }
    }
  });
});
