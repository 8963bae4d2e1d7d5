// The search contract: the same suite runs against every engine. PostgreSQL always runs;
// Meilisearch runs when MEILI_HOST points at one (it cannot be installed on these machines).
import { randomBytes } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { setListingSuspension } from "@/lib/catalog/set-listing-suspension";
import { db } from "@/lib/db/client";
import { createUser } from "@/test/factories";

import { drainSearchOutboxFully, resetIndexerMemory, SEARCH_CONSUMER } from "../indexing/drain-search-outbox";
import { reindexSearch } from "../indexing/reindex-search";
import { parseSearchParams } from "../parse-search-params";
import { invalidateCategoryLookup } from "../query/load-category-lookup";
import { invalidateSynonyms } from "../query/load-synonyms";
import { invalidateCategoryMedians } from "../rank/load-ranking-signals";
import { searchProducts, type SearchViewer } from "../search-products";
import type { SearchEngine, SearchResponse } from "../search-types";
import { createMeiliEngine } from "./meili-engine";
import { createPostgresEngine } from "./postgres-engine";

const MEILI_SKIP_REASON = "MEILI_HOST is not set; Meilisearch cannot be installed on this machine";

type EngineCase = {
  name: string;
  skipReason: string | null;
  create: () => SearchEngine;
  cleanup?: (e: SearchEngine) => Promise<void>;
};

const ENGINES: EngineCase[] = [
  { name: "postgres", skipReason: null, create: () => createPostgresEngine() },
  // Word searches' pools read by a sequential scan, as a common word in a big catalogue is.
  { name: "postgres, pools by scan", skipReason: null, create: () => createPostgresEngine({ chooseScan: () => true }) },
  {
    name: "meilisearch",
    skipReason: process.env.MEILI_HOST ? null : MEILI_SKIP_REASON,
    create: () =>
      createMeiliEngine({
        host: process.env.MEILI_HOST!,
        apiKey: process.env.MEILI_API_KEY,
        indexUid: `products_test_${randomBytes(4).toString("hex")}`,
      }),
    cleanup: async (e) => {
      const m = e as ReturnType<typeof createMeiliEngine>;
      await m.client.deleteIndexIfExists(m.indexUid);
    },
  },
];

const visitor: SearchViewer = { userId: null, isAdmin: false };

// ─── a fixed small catalogue ───
type Catalog = { ids: Record<string, string>; adminId: string; sellable: number };
let catalog: Catalog;

async function category(name: string, slug: string, parent?: { id: number; path: string; depth: number }) {
  return db().category.create({
    data: {
      name,
      slug,
      path: parent ? `${parent.path}/${slug}` : slug,
      parentId: parent?.id,
      depth: parent ? parent.depth + 1 : 0,
    },
  });
}

async function seller(opts: { suspended?: boolean; rating?: number; hours?: number } = {}) {
  const user = await createUser(db(), { role: "seller" });
  const tag = randomBytes(4).toString("hex");
  return db().sellerProfile.create({
    data: {
      userId: user.id,
      shopName: `Shop ${tag}`,
      slug: `shop-${tag}`,
      status: opts.suspended ? "suspended" : "active",
      ratingAvg: opts.rating ?? 0,
      ratingCount: opts.rating ? 10 : 0,
      avgFulfilmentHours: opts.hours ?? null,
    },
  });
}

beforeAll(async () => {
  const electronics = await category("Electronics", "electronics");
  const audio = await category("Audio", "audio", electronics);
  const headphones = await category("Headphones", "headphones", audio);
  const home = await category("Home", "home");
  const furniture = await category("Furniture", "furniture", home);
  const fashion = await category("Fashion", "fashion");
  const shoes = await category("Shoes", "shoes", fashion);
  const good = await seller({ rating: 4.8, hours: 20 });
  const other = await seller({ rating: 3.9, hours: 60 });
  const banned = await seller({ suspended: true });
  const admin = await createUser(db(), { role: "admin" });

  const day = 86_400_000;
  const items: {
    key: string;
    title: string;
    cat: { id: number };
    price: number;
    sellerId: string;
    attrs?: Record<string, string>;
    rating?: number;
    reviews?: number;
    stock?: number;
    status?: "active" | "suspended" | "draft";
    ageDays?: number;
    description?: string;
  }[] = [
    {
      key: "wireless",
      title: "Wireless Headphones",
      cat: headphones,
      price: 9900,
      sellerId: other.id,
      attrs: { color: "Black", brand: "Sonora" },
      rating: 4.1,
      reviews: 12,
      ageDays: 200,
    },
    {
      key: "case",
      title: "Wireless Headphones Carrying Case Deluxe Edition",
      cat: audio,
      price: 1500,
      sellerId: good.id,
      attrs: { color: "Black", brand: "Sonora" },
      rating: 4.9,
      reviews: 80,
      ageDays: 2,
    },
    {
      key: "studio",
      title: "Studio Monitor Headphones Pro",
      cat: headphones,
      price: 24900,
      sellerId: good.id,
      attrs: { color: "Silver", brand: "Auralis" },
      rating: 4.7,
      reviews: 40,
      ageDays: 30,
    },
    {
      key: "speaker",
      title: "Bluetooth Speaker",
      cat: audio,
      price: 4900,
      sellerId: good.id,
      attrs: { color: "Blue", brand: "Auralis" },
      rating: 3.2,
      reviews: 5,
      stock: 0,
      ageDays: 10,
    },
    {
      key: "sofa",
      title: "Velvet Sofa",
      cat: furniture,
      price: 89900,
      sellerId: good.id,
      attrs: { color: "Green" },
      rating: 4.4,
      reviews: 7,
      ageDays: 50,
    },
    {
      key: "couch",
      title: "Leather Couch",
      cat: furniture,
      price: 129900,
      sellerId: other.id,
      attrs: { color: "Brown" },
      rating: 4.0,
      reviews: 3,
      ageDays: 5,
    },
    {
      key: "chair",
      title: "Garden Chair",
      cat: furniture,
      price: 6000,
      sellerId: other.id,
      attrs: { color: "Green" },
      ageDays: 90,
      description: "A sturdy chair for patios; pairs well with any sofa.",
    },
    {
      key: "runners",
      title: "Trail Running Shoes",
      cat: shoes,
      price: 12000,
      sellerId: good.id,
      attrs: { color: "Red", size: "42" },
      rating: 4.6,
      reviews: 22,
      ageDays: 15,
    },
    {
      key: "sneakers",
      title: "Canvas Sneakers",
      cat: shoes,
      price: 4500,
      sellerId: other.id,
      attrs: { color: "White", size: "42" },
      rating: 3.8,
      reviews: 9,
      ageDays: 1,
    },
    {
      key: "banned",
      title: "Noise Cancelling Headphones",
      cat: headphones,
      price: 19900,
      sellerId: banned.id,
      attrs: { color: "Black" },
    },
    {
      key: "suspended",
      title: "Suspended Headphones",
      cat: headphones,
      price: 2900,
      sellerId: good.id,
      status: "suspended",
    },
    { key: "draft", title: "Draft Headphones", cat: headphones, price: 3900, sellerId: good.id, status: "draft" },
  ];
  const ids: Record<string, string> = {};
  for (const it of items) {
    const p = await db().product.create({
      data: {
        sellerId: it.sellerId,
        categoryId: it.cat.id,
        title: it.title,
        description: it.description ?? `${it.title}. Ships fast.`,
        priceCents: it.price,
        inventoryCount: it.stock ?? 10,
        status: it.status ?? "active",
        ratingAvg: it.rating ?? 0,
        reviewCount: it.reviews ?? 0,
        publishedAt: new Date(Date.now() - (it.ageDays ?? 20) * day),
        attributes: it.attrs ? { create: Object.entries(it.attrs).map(([key, value]) => ({ key, value })) } : undefined,
      },
    });
    ids[it.key] = p.id;
  }
  invalidateCategoryLookup();
  invalidateCategoryMedians();
  catalog = { ids, adminId: admin.id, sellable: 9 };
});

for (const engineCase of ENGINES) {
  if (engineCase.skipReason) {
    // Shown in the run's output, and the suite below reports as skipped.
    console.warn(`[search contract] ${engineCase.name} skipped: ${engineCase.skipReason}`);
  }
  describe.skipIf(engineCase.skipReason !== null)(
    `search engine contract: ${engineCase.name}${engineCase.skipReason ? ` (skipped: ${engineCase.skipReason})` : ""}`,
    () => {
      let engine: SearchEngine;
      const search = (
        params: Record<string, string | string[]>,
        viewer: SearchViewer = visitor,
      ): Promise<SearchResponse> =>
        searchProducts(parseSearchParams(params, { strict: true }).request, viewer, { engine, cache: false });
      const titles = (r: SearchResponse) => r.results.map((h) => h.title);

      beforeAll(async () => {
        engine = engineCase.create();
        await db().searchSynonym.deleteMany();
        await db().searchSynonym.create({ data: { term: "sofa", synonyms: ["couch"] } });
        invalidateSynonyms();
        await engine.syncSynonyms([["sofa", "couch"]]);
        const r = await reindexSearch({ engine, wait: true });
        expect(r.status).toBe("done");
      });
      afterAll(async () => {
        await engineCase.cleanup?.(engine);
      });

      describe("relevance", () => {
        it("ranks the exact title match first", async () => {
          const r = await search({ q: "wireless headphones" });
          expect(titles(r)[0]).toBe("Wireless Headphones");
          expect(titles(r)).toContain("Wireless Headphones Carrying Case Deluxe Edition");
        });

        it("finds the intended product despite a typo, and says what it searched instead", async () => {
          const r = await search({ q: "headphnoes" });
          expect(titles(r)).toEqual(expect.arrayContaining(["Wireless Headphones", "Studio Monitor Headphones Pro"]));
          if (engine.name === "postgres") expect(r.query.searchedInstead).toBe("headphones");
        });

        it("expands synonyms from the admins' table both ways", async () => {
          for (const q of ["sofa", "couch"]) {
            const r = await search({ q });
            expect(titles(r), q).toEqual(expect.arrayContaining(["Velvet Sofa", "Leather Couch"]));
          }
        });

        it("prefers listings in the category the query names", async () => {
          const r = await search({ q: "headphones" });
          expect(r.query.categoryIntent?.slug).toBe("headphones");
          const inCategory = new Set([catalog.ids.wireless, catalog.ids.studio]);
          expect(r.results.slice(0, 2).every((h) => inCategory.has(h.id))).toBe(true);
        });

        it("matches the start of a word being typed", async () => {
          const r = await search({ q: "sneak" });
          expect(titles(r)).toContain("Canvas Sneakers");
        });
      });

      describe("only sellable listings", () => {
        it("never returns suspended or draft listings or those of a suspended seller", async () => {
          const r = await search({ q: "headphones" });
          const never = new Set([catalog.ids.banned, catalog.ids.suspended, catalog.ids.draft]);
          expect(r.results.some((h) => never.has(h.id))).toBe(false);
          const all = await search({ q: "", per_page: "48" });
          expect(all.total).toBe(catalog.sellable);
          expect(all.results.some((h) => never.has(h.id))).toBe(false);
        });

        it("drops a listing suspended after indexing from the index once the indexer has run", async () => {
          const [{ mark }] = await db().$queryRaw<
            { mark: bigint }[]
          >`SELECT coalesce(max(id), 0) AS mark FROM outbox_events`;
          await db().$executeRaw`UPDATE outbox_cursors SET last_id = ${mark} WHERE consumer = ${SEARCH_CONSUMER}`;
          resetIndexerMemory();
          const inIndex = async () =>
            (
              await engine.query({
                text: "bluetooth speaker",
                groups: [[["bluetooth"]], [["speaker"]]],
                fuzzy: false,
                filters: { attributes: {} },
                sort: "relevance",
                window: { kind: "recall", limit: 10 },
                facets: false,
              })
            ).candidates.map((c) => c.productId);
          expect(await inIndex()).toContain(catalog.ids.speaker);

          await setListingSuspension({
            productId: catalog.ids.speaker,
            adminId: catalog.adminId,
            suspend: true,
            reason: "Counterfeit report",
          });
          expect(await inIndex()).toContain(catalog.ids.speaker);
          expect(await drainSearchOutboxFully({ engine })).toBeGreaterThan(0);
          expect(await inIndex()).not.toContain(catalog.ids.speaker);
          expect(titles(await search({ q: "bluetooth speaker" }))).not.toContain("Bluetooth Speaker");

          await setListingSuspension({ productId: catalog.ids.speaker, adminId: catalog.adminId, suspend: false });
          await drainSearchOutboxFully({ engine });
          expect(await inIndex()).toContain(catalog.ids.speaker);
        });
      });

      describe("facets", () => {
        it("counts categories one level below the current one, prices, ratings, attributes and stock", async () => {
          const r = await search({ q: "", category: "electronics" });
          expect(r.total).toBe(4);
          expect(r.facets.categories).toEqual([{ slug: "audio", path: "electronics/audio", name: "Audio", count: 4 }]);
          const price = Object.fromEntries(r.facets.priceRanges.map((p) => [p.minCents, p.count]));
          expect(price).toEqual({ 1000: 1, 2500: 1, 5000: 1, 10000: 1 });
          const color = r.facets.attributes.find((a) => a.key === "color");
          expect(color?.values).toEqual([
            { value: "Black", count: 2 },
            { value: "Blue", count: 1 },
            { value: "Silver", count: 1 },
          ]);
          expect(r.facets.inStock).toBe(3);
          expect(r.facets.ratings.find((x) => x.min === 4)?.count).toBe(3);

          const top = await search({ q: "" });
          expect(top.facets.categories.map((c) => [c.slug, c.count])).toEqual([
            ["electronics", 4],
            ["home", 3],
            ["fashion", 2],
          ]);
        });
      });

      describe("filters", () => {
        it("filters by category subtree", async () => {
          const r = await search({ q: "", category: "audio" });
          expect(new Set(r.results.map((h) => h.id))).toEqual(
            new Set([catalog.ids.wireless, catalog.ids.case, catalog.ids.studio, catalog.ids.speaker]),
          );
        });

        it("filters by price range (inclusive)", async () => {
          const r = await search({ q: "", price_min: "45", price_max: "99" });
          expect(new Set(titles(r))).toEqual(
            new Set(["Wireless Headphones", "Bluetooth Speaker", "Canvas Sneakers", "Garden Chair"]),
          );
        });

        it("filters by minimum rating", async () => {
          const r = await search({ q: "", rating_min: "4.5" });
          expect(new Set(titles(r))).toEqual(
            new Set([
              "Wireless Headphones Carrying Case Deluxe Edition",
              "Studio Monitor Headphones Pro",
              "Trail Running Shoes",
            ]),
          );
        });

        it("filters by attributes: any value of one attribute, every attribute given", async () => {
          const r = await search({ q: "", "attr.color": ["Green", "Brown"] });
          expect(new Set(titles(r))).toEqual(new Set(["Velvet Sofa", "Leather Couch", "Garden Chair"]));
          const both = await search({ q: "", "attr.color": "Black", "attr.brand": "Sonora" });
          expect(new Set(titles(both))).toEqual(
            new Set(["Wireless Headphones", "Wireless Headphones Carrying Case Deluxe Edition"]),
          );
        });

        it("filters to listings in stock", async () => {
          const r = await search({ q: "", category: "audio", in_stock: "1" });
          expect(titles(r)).not.toContain("Bluetooth Speaker");
          expect(r.total).toBe(3);
        });

        it("combines a query with filters", async () => {
          const r = await search({ q: "headphones", price_max: "100" });
          expect(new Set(titles(r))).toEqual(
            new Set(["Wireless Headphones", "Wireless Headphones Carrying Case Deluxe Edition"]),
          );
        });
      });

      describe("sorts and pages", () => {
        it("sorts by price both ways, newest and rating", async () => {
          const up = await search({ q: "", sort: "price_asc", per_page: "48" });
          const prices = up.results.map((h) => h.priceCents);
          expect(prices).toEqual([...prices].sort((a, b) => a - b));
          const down = await search({ q: "", sort: "price_desc", per_page: "3" });
          expect(titles(down)).toEqual(["Leather Couch", "Velvet Sofa", "Studio Monitor Headphones Pro"]);
          const newest = await search({ q: "", sort: "newest", per_page: "2" });
          expect(titles(newest)).toEqual(["Canvas Sneakers", "Wireless Headphones Carrying Case Deluxe Edition"]);
          const rating = await search({ q: "", sort: "rating", per_page: "2" });
          expect(titles(rating)).toEqual([
            "Wireless Headphones Carrying Case Deluxe Edition",
            "Studio Monitor Headphones Pro",
          ]);
        });

        it("pages through results without repeats and reports the next page", async () => {
          const seen: string[] = [];
          let page: number | null = 1;
          while (page) {
            const r = await search({ q: "", per_page: "4", page: String(page) });
            seen.push(...r.results.map((h) => h.id));
            expect(r.total).toBe(catalog.sellable);
            page = r.nextPage;
          }
          expect(seen).toHaveLength(catalog.sellable);
          expect(new Set(seen).size).toBe(catalog.sellable);
          const sorted = await search({ q: "", sort: "price_asc", per_page: "4", page: "3" });
          expect(sorted.results).toHaveLength(1);
          expect(sorted.nextPage).toBeNull();
        });
      });

      describe("bad input", () => {
        it("treats an empty query as browse all", async () => {
          const r = await search({ q: "   " });
          expect(r.total).toBe(catalog.sellable);
        });

        it("answers SQL and regex metacharacters with an ordinary (empty or matching) result", async () => {
          for (const q of [
            "'; DROP TABLE products; --",
            ".*[(\\",
            "headphones' OR '1'='1",
            "a & b | !c:* <-> (d)",
            "%_%",
            '"unterminated',
            "\u0000\u200b",
          ]) {
            const r = await search({ q });
            expect(Array.isArray(r.results), q).toBe(true);
          }
          expect(titles(await search({ q: "headphones' OR '1'='1" }))).toContain("Wireless Headphones");
        });

        it("answers a page past the result window with no results, fast", async () => {
          const r = await search({ q: "", page: "1000", per_page: "48" });
          expect(r.results).toEqual([]);
          expect(r.total).toBe(catalog.sellable);
          expect(r.nextPage).toBeNull();
        });

        it("answers an unknown category with no results", async () => {
          const r = await search({ q: "headphones", category: "no-such-category" });
          expect(r.results).toEqual([]);
          expect(r.total).toBe(0);
        });

        it("shows the score breakdown to admins only", async () => {
          const asVisitor = await search({ q: "headphones", debug: "1" });
          expect(asVisitor.results[0].breakdown).toBeUndefined();
          const asAdmin = await search({ q: "headphones", debug: "1" }, { userId: catalog.adminId, isAdmin: true });
          expect(asAdmin.results[0].breakdown).toMatchObject({
            textRelevance: expect.any(Number),
            fraudPenalty: expect.any(Number),
          });
          expect(asAdmin.results[0].score).toEqual(expect.any(Number));
        });
      });
    },
  );
}
