// The indexer as the worker runs it (LISTEN/NOTIFY on the outbox), search events, purchase
// attribution, and the HTTP routes, on the PostgreSQL engine.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { POST as eventsRoute } from "@/app/api/v1/search/events/route";
import { GET as searchRoute } from "@/app/api/v1/search/route";
import { GET as suggestRoute } from "@/app/api/v1/search/suggest/route";
import { db } from "@/lib/db/client";
import { recordOutboxEvent } from "@/lib/outbox/record-outbox-event";
import { createCategory, createSeller, createUser } from "@/test/factories";

import { createPostgresEngine } from "../engines/postgres-engine";
import { flushSearchEvents, recordSearchEvents } from "../events/search-event-log";
import { parseSearchParams } from "../parse-search-params";
import { invalidateCategoryLookup } from "../query/load-category-lookup";
import { deleteSearchSynonym, listSearchSynonyms, saveSearchSynonym } from "../query/search-synonyms";
import { searchProducts } from "../search-products";
import { drainSearchOutboxFully, SEARCH_CONSUMER } from "./drain-search-outbox";
import { ensureSearchBootstrapped, forgetSearchBootstrap } from "./ensure-search-bootstrapped";
import { runSearchIndexer } from "./run-search-indexer";

const engine = createPostgresEngine();
let sellerId: string;
let categoryId: number;

async function product(title: string, status: "active" | "draft" = "active") {
  return db().product.create({
    data: { sellerId, categoryId, title, priceCents: 2500, inventoryCount: 5, status, publishedAt: new Date() },
  });
}

const inIndex = async (text: string) =>
  (
    await engine.query({
      text,
      groups: text.split(" ").map((w) => [[w]]),
      fuzzy: false,
      filters: { attributes: {} },
      sort: "relevance",
      window: { kind: "recall", limit: 50 },
      facets: false,
    })
  ).candidates.map((c) => c.title);

beforeAll(async () => {
  const { seller } = await createSeller(db());
  sellerId = seller.id;
  categoryId = (await createCategory(db())).id;
  invalidateCategoryLookup();
});

describe("bootstrapping", () => {
  it("indexes products written without outbox events (seeds) the first time, then creates the cursor", async () => {
    await product("Seeded Lantern");
    await db().outboxCursor.deleteMany({ where: { consumer: SEARCH_CONSUMER } });
    forgetSearchBootstrap();
    expect(await ensureSearchBootstrapped({ engine })).toBe("bootstrapped");
    expect(await inIndex("lantern")).toContain("Seeded Lantern");
    expect(await db().outboxCursor.findUnique({ where: { consumer: SEARCH_CONSUMER } })).not.toBeNull();
    expect(await ensureSearchBootstrapped({ engine })).toBe("ready");
  });
});

describe("the indexer loop", () => {
  it("makes a change searchable within a second or two of its commit", async () => {
    const running = runSearchIndexer({ durationMs: 3000, engine, pollMs: 5000 });
    await new Promise((r) => setTimeout(r, 300));
    const p = await product("Quartz Kettle", "draft");
    const started = Date.now();
    await db().$transaction(async (tx) => {
      await tx.product.update({ where: { id: p.id }, data: { status: "active" } });
      await recordOutboxEvent(tx, { aggregateType: "product", aggregateId: p.id, eventType: "product.active" });
    });
    let visibleAfter = -1;
    while (Date.now() - started < 2500) {
      if ((await inIndex("quartz kettle")).includes("Quartz Kettle")) {
        visibleAfter = Date.now() - started;
        break;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    await running;
    // The poll interval is 5 s here, so only the NOTIFY can explain a faster answer.
    expect(visibleAfter).toBeGreaterThanOrEqual(0);
    expect(visibleAfter).toBeLessThan(2000);
  });

  it("resumes from its cursor: nothing committed while it was stopped is lost", async () => {
    const p = await product("Basalt Mortar", "draft");
    await db().$transaction(async (tx) => {
      await tx.product.update({ where: { id: p.id }, data: { status: "active" } });
      await recordOutboxEvent(tx, { aggregateType: "product", aggregateId: p.id, eventType: "product.active" });
    });
    expect(await inIndex("basalt mortar")).toEqual([]);
    await drainSearchOutboxFully({ engine });
    expect(await inIndex("basalt mortar")).toEqual(["Basalt Mortar"]);
  });

  it("does not skip an event whose transaction commits after a later one", async () => {
    const early = await product("Cobalt Vase", "draft");
    const late = await product("Amber Bowl", "draft");
    let releaseEarly!: () => void;
    const held = new Promise<void>((r) => (releaseEarly = r));
    // The early transaction takes its outbox id first, then waits; the late one commits.
    const earlyTx = db().$transaction(
      async (tx) => {
        await tx.product.update({ where: { id: early.id }, data: { status: "active" } });
        await recordOutboxEvent(tx, { aggregateType: "product", aggregateId: early.id, eventType: "product.active" });
        await held;
      },
      { timeout: 20_000 },
    );
    await new Promise((r) => setTimeout(r, 200));
    await db().$transaction(async (tx) => {
      await tx.product.update({ where: { id: late.id }, data: { status: "active" } });
      await recordOutboxEvent(tx, { aggregateType: "product", aggregateId: late.id, eventType: "product.active" });
    });
    await drainSearchOutboxFully({ engine });
    expect(await inIndex("amber bowl")).toEqual(["Amber Bowl"]);
    releaseEarly();
    await earlyTx;
    await drainSearchOutboxFully({ engine });
    expect(await inIndex("cobalt vase")).toEqual(["Cobalt Vase"]);
  });
});

describe("searching after the indexer has run", () => {
  it("finds a seller's new listing once the indexer has drained its event", async () => {
    const p = await product("Saffron Teapot", "draft");
    await db().$transaction(async (tx) => {
      await tx.product.update({ where: { id: p.id }, data: { status: "active" } });
      await recordOutboxEvent(tx, { aggregateType: "product", aggregateId: p.id, eventType: "product.active" });
    });
    // Searches never index: the worker's indexer does (here run by hand).
    await drainSearchOutboxFully({ engine });
    const found = await searchProducts(
      parseSearchParams({ q: "saffron teapot" }, { strict: true }).request,
      { userId: null, isAdmin: false },
      { engine },
    );
    expect(found.results.map((h) => h.title)).toEqual(["Saffron Teapot"]);
    await flushSearchEvents();
  });
});

describe("search events", () => {
  it("writes buffered impressions and clicks in one batch and counts them per query", async () => {
    const p = await product("Granite Coaster");
    recordSearchEvents([
      { kind: "impression", query: "coaster", userId: null, productId: p.id, position: 1 },
      { kind: "impression", query: "coaster", userId: null, productId: p.id, position: 1 },
      { kind: "click", query: "coaster", userId: null, productId: p.id, position: 1 },
    ]);
    expect(await flushSearchEvents()).toBe(3);
    expect(await db().searchEvent.count({ where: { productId: p.id } })).toBe(3);
    expect(
      await db().searchQueryStat.findUnique({ where: { query_productId: { query: "coaster", productId: p.id } } }),
    ).toMatchObject({ impressions: 2, clicks: 1, purchases: 0 });
  });

  it("credits a purchase to the search click that led to it, once", async () => {
    const p = await product("Walnut Cutting Board");
    const buyer = await createUser(db());
    recordSearchEvents([{ kind: "click", query: "cutting board", userId: buyer.id, productId: p.id, position: 2 }]);
    await flushSearchEvents();
    await db().searchEvent.updateMany({
      where: { productId: p.id },
      data: { createdAt: new Date(Date.now() - 60_000) },
    });
    const checkout = await db().checkout.create({
      data: {
        buyerId: buyer.id,
        totalCents: 2500,
        currency: "USD",
        shippingAddress: {},
        expiresAt: new Date(Date.now() + 600_000),
      },
    });
    const order = await db().$transaction(async (tx) => {
      const o = await tx.order.create({
        data: {
          checkoutId: checkout.id,
          buyerId: buyer.id,
          sellerId,
          subtotalCents: 2500,
          totalCents: 2500,
          commissionBps: 1500,
          platformFeeCents: 375,
          currency: "USD",
          shippingAddress: {},
          reservationExpiresAt: new Date(Date.now() + 600_000),
          items: {
            create: [{ productId: p.id, titleSnapshot: p.title, quantity: 1, unitPriceCents: 2500, currency: "USD" }],
          },
        },
      });
      await recordOutboxEvent(tx, { aggregateType: "order", aggregateId: o.id, eventType: "order.created" });
      return o;
    });
    await drainSearchOutboxFully({ engine });
    await db().$transaction(async (tx) =>
      recordOutboxEvent(tx, { aggregateType: "order", aggregateId: order.id, eventType: "order.paid" }),
    );
    await drainSearchOutboxFully({ engine });
    expect(await db().searchEvent.count({ where: { productId: p.id, kind: "purchase", query: "cutting board" } })).toBe(
      1,
    );
    expect(
      (
        await db().searchQueryStat.findUnique({
          where: { query_productId: { query: "cutting board", productId: p.id } },
        })
      )?.purchases,
    ).toBe(1);
  });
});

describe("synonyms admins edit", () => {
  it("normalizes, saves, lists and deletes groups", async () => {
    const row = await saveSearchSynonym({ term: "  Sofa ", synonyms: "Couch, settee , sofa" });
    expect(row).toMatchObject({ term: "sofa", synonyms: ["couch", "settee"] });
    expect((await listSearchSynonyms()).map((r) => r.term)).toContain("sofa");
    await deleteSearchSynonym(row.id);
    await expect(deleteSearchSynonym(row.id)).rejects.toMatchObject({ status: 404 });
    await expect(saveSearchSynonym({ term: "x", synonyms: "x" })).rejects.toMatchObject({ status: 400 });
  });
});

describe("HTTP routes", () => {
  const get = (route: typeof searchRoute, url: string) =>
    route(new NextRequest(`http://localhost:3000${url}`), { params: Promise.resolve({}) });

  beforeAll(async () => {
    await product("Copper Watering Can");
    await drainSearchOutboxFully({ engine });
    await db().$queryRaw`SELECT refresh_product_search_documents(ARRAY(SELECT id FROM products))`;
  });
  afterAll(() => flushSearchEvents());

  it("GET /api/v1/search answers { results, facets, total, next_page }", async () => {
    const res = await get(searchRoute, "/api/v1/search?q=watering%20can&per_page=5");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      total: 1,
      next_page: null,
      facets: { categories: expect.any(Array), price_ranges: expect.any(Array) },
    });
    expect(body.results[0]).toMatchObject({
      title: "Copper Watering Can",
      price: { amount_cents: 2500, currency: "USD" },
      url: expect.stringMatching(/^\/products\//),
      seller: { shop_name: expect.any(String) },
    });
  });

  it.each([
    ["/api/v1/search?price_min=50&price_max=10", 400, /price_min must not be more than price_max/],
    [`/api/v1/search?q=${"x".repeat(1000)}`, 400, /at most 200 characters/],
    ["/api/v1/search?page=100000", 400, /page must be at most/],
    ["/api/v1/search?colour=red", 400, /unknown parameter/],
    ["/api/v1/search?q=x&debug=1", 403, /admins/],
  ])("GET %s → %i with a clear message", async (url, status, message) => {
    const res = await get(searchRoute, url);
    expect(res.status).toBe(status);
    expect((await res.json()).error.message).toMatch(message);
  });

  it("GET /api/v1/search/suggest completes titles and corrects typos", async () => {
    const res = await get(suggestRoute, "/api/v1/search/suggest?q=waterin");
    expect((await res.json()).suggestions).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: "product", text: "Copper Watering Can" })]),
    );
    const typo = await (await get(suggestRoute, "/api/v1/search/suggest?q=wateirng")).json();
    expect(typo.suggestions[0]).toMatchObject({ kind: "query", text: "watering" });
  });

  it("POST /api/v1/search/events accepts clicks and refuses anything else", async () => {
    const p = await db().product.findFirstOrThrow({ where: { title: "Copper Watering Can" } });
    const post = (body: unknown) =>
      eventsRoute(
        new NextRequest("http://localhost:3000/api/v1/search/events", {
          method: "POST",
          body: JSON.stringify(body),
          headers: { "content-type": "application/json", "x-forwarded-for": "10.1.2.3" },
        }),
        { params: Promise.resolve({}) },
      );
    const ok = await post({ events: [{ kind: "click", query: "Watering Can", product_id: p.id, position: 1 }] });
    expect(ok.status).toBe(202);
    expect((await post({ events: [{ kind: "purchase", query: "x", product_id: p.id, position: 1 }] })).status).toBe(
      400,
    );
    await flushSearchEvents();
    expect(await db().searchEvent.count({ where: { productId: p.id, kind: "click", query: "watering can" } })).toBe(1);
  });
});
