// Property: whatever events arrive, in whatever batches, and wherever the rollup job happens to
// run between them, the rollups equal a from-scratch count over the raw events (computed here
// in TypeScript, not by the job's SQL), and the store's reads (rollups plus the tail) equal it
// at every moment. The events span a month's end, so the month grain and the reads that mix
// month and day rows (rollupSpans) are exercised; search impressions and clicks likewise.
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { compareProducts, type ProductTotals } from "@/lib/analytics/store/analytics-store";
import { getAnalyticsStore } from "@/lib/analytics/store/get-analytics-store";
import { db } from "@/lib/db/client";
import { createCategory, createProduct, createSeller, createUser } from "@/test/factories";
import { createOrder } from "@/test/order-factories";

import { rollUpAnalytics } from "./roll-up-analytics";

const KINDS = ["product_view", "add_to_cart", "checkout_started", "order_paid", "refund"] as const;
type Kind = (typeof KINDS)[number];
type Ev = { kind: Kind; seller: number; product: number; order: number; hour: number };
type SearchEv = {
  kind: "impression" | "click";
  seller: number;
  product: number;
  query: number;
  position: number | null;
  hour: number;
};
// Nov 29 to Dec 1: two months, three days.
const BASE = Date.parse("2026-11-29T00:00:00Z");
const HOURS = 72;
const QUERIES = ["lamp", "oak lamp", "rug"];
// Reads checked: days only, and November's month row plus December's first day.
const RANGES = [
  { from: "2026-11-29", to: "2026-12-01" },
  { from: "2026-11-01", to: "2026-12-01" },
  { from: "2026-11-30", to: "2026-11-30" },
];
const bucketsOf = (hour: number) => {
  const h = new Date(BASE + hour * 3_600_000).toISOString();
  return {
    hour: h,
    day: h.slice(0, 10) + "T00:00:00.000Z",
    month: h.slice(0, 7) + "-01T00:00:00.000Z",
    date: h.slice(0, 10),
  };
};

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
    const searchEv: fc.Arbitrary<SearchEv> = fc.record({
      kind: fc.constantFrom("impression" as const, "click" as const),
      seller: fc.integer({ min: 0, max: 1 }),
      product: fc.integer({ min: 0, max: 1 }),
      query: fc.integer({ min: 0, max: QUERIES.length - 1 }),
      position: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }),
      hour: fc.integer({ min: 0, max: HOURS - 1 }),
    });
    const step = fc.oneof(
      fc.record({ batch: fc.array(ev, { minLength: 1, maxLength: 8 }) }),
      fc.record({ search: fc.array(searchEv, { minLength: 1, maxLength: 8 }) }),
      fc.constant({ rollup: true as const }),
    );

    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 10 }), async (steps) => {
        await db().$executeRaw`TRUNCATE analytics_events, analytics_seller_rollups, analytics_revenue_rollups,
          analytics_product_rollups, search_events, analytics_search_rollups, analytics_query_rollups`;
        await db().$executeRaw`UPDATE analytics_rollup_state SET xact_watermark = '0'::xid8`;
        const seen: Ev[] = [];
        const searched: SearchEv[] = [];
        for (const s of steps) {
          if ("rollup" in s) await rollUpAnalytics();
          else if ("search" in s) {
            await insertSearch(s.search);
            searched.push(...s.search);
          } else {
            await insert(s.batch);
            seen.push(...s.batch);
          }
          // One range per step (they rotate), every range at the end: the same property, fewer reads.
          await expectReadsMatch(seen, searched, [RANGES[steps.indexOf(s) % RANGES.length]]);
        }
        await rollUpAnalytics();
        await expectRollupsMatch(seen, searched);
        await expectReadsMatch(seen, searched, RANGES);
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

    async function insertSearch(batch: SearchEv[]) {
      await db().$executeRaw`
        INSERT INTO search_events (kind, query, product_id, position, created_at)
        SELECT k::"SearchEventKind", q, p, pos, t AT TIME ZONE 'UTC'
          FROM unnest(${batch.map((e) => e.kind)}::text[], ${batch.map((e) => QUERIES[e.query])}::text[],
                      ${batch.map((e) => products[e.seller * 2 + e.product].id)}::uuid[], ${batch.map((e) => e.position)}::int[],
                      ${batch.map((e) => new Date(BASE + e.hour * 3_600_000 + 2_000).toISOString())}::timestamptz[]) AS x(k, q, p, pos, t)`;
    }

    function expectedSearch(searched: SearchEv[]) {
      const seller = new Map<string, number[]>();
      const query = new Map<string, number[]>();
      for (const e of searched) {
        const b = bucketsOf(e.hour);
        const imp = e.kind === "impression";
        for (const [grain, bucket] of [
          ["day", b.day],
          ["month", b.month],
        ] as const) {
          const k = `${sellers[e.seller].seller.id}|${grain}|${bucket}|${QUERIES[e.query]}`;
          const cur = seller.get(k) ?? [0, 0, 0, 0];
          seller.set(k, [
            cur[0] + (imp ? 1 : 0),
            cur[1] + (imp && e.position !== null ? 1 : 0),
            cur[2] + (imp ? (e.position ?? 0) : 0),
            cur[3] + (imp ? 0 : 1),
          ]);
          if (imp) {
            const q = `${QUERIES[e.query]}|${grain}|${bucket}`;
            query.set(q, [(query.get(q)?.[0] ?? 0) + 1]);
          }
        }
      }
      return { seller, query };
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
          ["month", bucketsOf(e.hour).month],
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

    async function expectRollupsMatch(seen: Ev[], searched: SearchEv[]) {
      const want = expected(seen);
      const wantSearch = expectedSearch(searched);
      const searchRows = await db().analyticsSearchRollup.findMany();
      expect(
        new Map(
          searchRows.map((r) => [
            `${r.sellerId}|${r.grain}|${r.bucket.toISOString()}|${r.query}`,
            [r.impressions, r.positioned, Number(r.positionSum), r.clicks],
          ]),
        ),
      ).toEqual(wantSearch.seller);
      const queryRows = await db().analyticsQueryRollup.findMany();
      expect(
        new Map(queryRows.map((r) => [`${r.query}|${r.grain}|${r.bucket.toISOString()}`, [r.impressions]])),
      ).toEqual(wantSearch.query);
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

    async function expectReadsMatch(seen: Ev[], searched: SearchEv[], ranges: typeof RANGES) {
      const want = expected(seen);
      for (const [s, { seller }] of sellers.entries()) {
        for (const range of ranges) {
          const inRange = (hour: number) => bucketsOf(hour).date >= range.from && bucketsOf(hour).date <= range.to;
          // Top products, from scratch: per (product, currency), over the range's events.
          const totals = new Map<string, ProductTotals>();
          const add = (productIndex: number, v: Partial<ProductTotals>) => {
            const p = products[productIndex];
            const cur = totals.get(p.id) ?? {
              productId: p.id,
              title: p.title,
              currency: "USD",
              views: 0,
              addToCarts: 0,
              unitsSold: 0,
              revenueCents: 0,
            };
            totals.set(p.id, {
              ...cur,
              views: cur.views + (v.views ?? 0),
              addToCarts: cur.addToCarts + (v.addToCarts ?? 0),
              unitsSold: cur.unitsSold + (v.unitsSold ?? 0),
              revenueCents: cur.revenueCents + (v.revenueCents ?? 0),
            });
          };
          for (const e of seen.filter((e) => e.seller === s && inRange(e.hour))) {
            if (e.kind === "product_view") add(s * 2 + e.product, { views: 1 });
            if (e.kind === "add_to_cart") add(s * 2 + e.product, { addToCarts: 1 });
            if (e.kind === "order_paid")
              for (const it of ids(e).order.items)
                add(
                  products.findIndex((p) => p.id === it.productId),
                  { unitsSold: it.quantity, revenueCents: it.quantity * it.unitPriceCents },
                );
          }
          const ranked = [...totals.values()].sort(compareProducts);
          for (const limit of [1, 10])
            expect(
              await getAnalyticsStore().readTopProducts({ sellerId: seller.id, ...range, limit }),
              `top ${limit} of ${range.from}..${range.to}`,
            ).toEqual(ranked.slice(0, limit));
          const units = await getAnalyticsStore().readUnitsSold({ sellerId: seller.id, ...range }); // all listings live
          expect(new Map(units.map((u) => [u.productId, u.units]))).toEqual(
            new Map(ranked.filter((r) => r.unitsSold > 0).map((r) => [r.productId, r.unitsSold])),
          );

          // Search queries, from scratch.
          const inSearch = searched.filter((e) => inRange(e.hour));
          const mine = QUERIES.map((query, q) => {
            const own = inSearch.filter((e) => e.seller === s && e.query === q);
            const imps = own.filter((e) => e.kind === "impression");
            const positioned = imps.filter((e) => e.position !== null);
            const all = inSearch.filter((e) => e.query === q && e.kind === "impression").length;
            return {
              query,
              impressions: imps.length,
              clicks: own.length - imps.length,
              averagePosition: positioned.length
                ? Math.round((positioned.reduce((t, e) => t + e.position!, 0) / positioned.length) * 10) / 10
                : 0,
              share: imps.length / Math.max(1, all),
            };
          })
            .filter((m) => m.impressions > 0)
            .sort((a, b) => b.impressions - a.impressions || (a.query < b.query ? -1 : 1));
          const gotSearch = await getAnalyticsStore().readSearchQueries({ sellerId: seller.id, ...range, limit: 10 });
          expect(gotSearch.map((g) => ({ ...g, share: Math.round(g.share * 1e9) }))).toEqual(
            mine.map((m) => ({ ...m, share: Math.round(m.share * 1e9) })),
          );
        }
        const got = await getAnalyticsStore().readSellerDays({
          sellerId: seller.id,
          from: "2026-11-29",
          to: "2026-12-01",
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
    // 30 random histories of up to 10 steps, each checked against every read: minutes on a shared machine.
  }, 300_000);
});
