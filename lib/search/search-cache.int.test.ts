// The search cache on real Redis: two engine instances (as two web processes would have)
// share one cached answer, and a change that indexing applies is seen at once after it
// (the generation bump), not after the TTL.
import { randomBytes } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { setListingSuspension } from "@/lib/catalog/set-listing-suspension";
import { db } from "@/lib/db/client";
import { redis } from "@/lib/redis/client";
import { createUser } from "@/test/factories";

import { createPostgresEngine } from "./engines/postgres-engine";
import { drainSearchOutboxFully } from "./indexing/drain-search-outbox";
import { reindexSearch } from "./indexing/reindex-search";
import { parseSearchParams } from "./parse-search-params";
import { invalidateCategoryLookup } from "./query/load-category-lookup";
import { searchProducts } from "./search-products";
import type { EngineQuery, SearchEngine } from "./search-types";

const REDIS_SKIP = "Redis is not available (REDIS_URL unset and redis-server not on PATH)";
if (!redis()) console.warn(`[search cache] skipped: ${REDIS_SKIP}`);

/** A real PostgreSQL engine that counts the queries it is asked (to tell a cache hit from a computed answer). */
function countingEngine() {
  const real = createPostgresEngine();
  const asked: EngineQuery[] = [];
  const engine: SearchEngine = {
    ...real,
    query: (q) => {
      asked.push(q);
      return real.query(q);
    },
  };
  return { engine, asked };
}

const visitor = { userId: null, isAdmin: false };
const search = (engine: SearchEngine, params: Record<string, string>) =>
  searchProducts(parseSearchParams(params, { strict: true }).request, visitor, { engine });

let lamp: { id: string; adminId: string };

beforeAll(async () => {
  if (!redis()) return;
  const category = await db().category.create({
    data: { name: "Lighting", slug: "lighting", path: "lighting", depth: 0 },
  });
  const user = await createUser(db(), { role: "seller" });
  const tag = randomBytes(4).toString("hex");
  const seller = await db().sellerProfile.create({
    data: { userId: user.id, shopName: `Shop ${tag}`, slug: `shop-${tag}` },
  });
  const admin = await createUser(db(), { role: "admin" });
  const made = [];
  for (const [title, price] of [
    ["Brass Desk Lamp", 4500],
    ["Paper Floor Lamp", 8900],
    ["Clip Reading Lamp", 2100],
  ] as const) {
    made.push(
      await db().product.create({
        data: {
          sellerId: seller.id,
          categoryId: category.id,
          title,
          description: `${title}, warm light.`,
          priceCents: price,
          inventoryCount: 4,
          status: "active",
          publishedAt: new Date(),
        },
      }),
    );
  }
  lamp = { id: made[0].id, adminId: admin.id };
  invalidateCategoryLookup();
  expect((await reindexSearch({ engine: createPostgresEngine(), wait: true })).status).toBe("done");
});

describe.skipIf(!redis())(`search cache on Redis${redis() ? "" : ` (skipped: ${REDIS_SKIP})`}`, () => {
  it("answers a repeat from another process's cached result, filters in any order", async () => {
    const one = countingEngine();
    const two = countingEngine();
    const first = await search(one.engine, { q: "Lamp", sort: "relevance", in_stock: "1" });
    expect(first.total).toBe(3);
    expect(one.asked.length).toBeGreaterThan(0);
    // Same normalized request (case, spacing, parameter order): the second instance asks nothing.
    const again = await search(two.engine, { in_stock: "1", q: "  LAMP " });
    expect(two.asked).toHaveLength(0);
    expect(again.results.map((h) => h.id)).toEqual(first.results.map((h) => h.id));
    expect(again.facets).toEqual(first.facets);

    // Another page or order of the same words reuses the counts and facets: no facet pass, no estimate.
    const sorted = await search(two.engine, { q: "lamp", sort: "price_asc", in_stock: "1" });
    expect(two.asked.map((q) => q.facets)).toEqual([false]);
    expect(two.asked[0].countMatches).toBe(false);
    expect(sorted.total).toBe(3);
    expect(sorted.results.map((h) => h.priceCents)).toEqual([2100, 4500, 8900]);
  });

  it("sees a listing suspended, or repriced, as soon as the indexer has applied it", async () => {
    const one = countingEngine();
    const two = countingEngine();
    const before = await search(one.engine, { q: "lamp", sort: "price_desc" });
    expect(before.results.map((h) => h.id)).toContain(lamp.id);
    expect((await search(two.engine, { q: "lamp", sort: "price_desc" })).total).toBe(3);
    expect(two.asked).toHaveLength(0);

    await setListingSuspension({
      productId: lamp.id,
      adminId: lamp.adminId,
      suspend: true,
      reason: "Counterfeit report",
    });
    // The cards are read fresh on every request: the suspended listing is gone before indexing...
    const cached = await search(two.engine, { q: "lamp", sort: "price_desc" });
    expect(two.asked).toHaveLength(0);
    expect(cached.results.map((h) => h.id)).not.toContain(lamp.id);
    // ...and once the indexer has run, the counts are recomputed too.
    expect(await drainSearchOutboxFully({ engine: createPostgresEngine() })).toBeGreaterThan(0);
    const after = await search(two.engine, { q: "lamp", sort: "price_desc" });
    expect(two.asked.length).toBeGreaterThan(0);
    expect(after.total).toBe(2);

    await setListingSuspension({ productId: lamp.id, adminId: lamp.adminId, suspend: false });
    // A price change as the app writes one: the row and its outbox event in one transaction.
    await db().$transaction([
      db().product.update({ where: { id: lamp.id }, data: { priceCents: 99900 } }),
      db().$executeRaw`INSERT INTO outbox_events (aggregate_type, aggregate_id, event_type, payload)
                       VALUES ('product', ${lamp.id}, 'product.updated', '{}')`,
    ]);
    await drainSearchOutboxFully({ engine: createPostgresEngine() });
    const repriced = await search(one.engine, { q: "lamp", sort: "price_desc" });
    expect(repriced.total).toBe(3);
    expect(repriced.results[0]).toMatchObject({ id: lamp.id, priceCents: 99900 });
  });
});
