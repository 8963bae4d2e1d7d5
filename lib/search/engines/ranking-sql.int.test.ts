// The PostgreSQL engine ranks in SQL (ranking-sql.ts); the Meilisearch path ranks the same
// recall in JavaScript (rank/ranking-weights.ts). Both must give the same order and the same
// scores, signal by signal: each case below ranks one recall both ways and compares them,
// on listings built to tie, to be boosted (named category, buyer habits, conversion history,
// cheap for the category) and penalized (fraud), and through the typo fallbacks.
import { randomBytes } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { createUser } from "@/test/factories";

import { reindexSearch } from "../indexing/reindex-search";
import { buyerProfileFrom } from "../rank/buyer-profile";
import { invalidateCategoryMedians, loadCategoryMedians, loadQueryStats } from "../rank/load-ranking-signals";
import { rerankCandidates, type BuyerProfile } from "../rank/ranking-weights";
import { RECALL_LIMIT } from "../search-config";
import type { EngineQuery, EngineRanking, TokenGroup } from "../search-types";
import { createPostgresEngine } from "./postgres-engine";

const engine = createPostgresEngine();
const day = 86_400_000;
const ids: Record<string, string> = {};
let sameMoment: Date;

beforeAll(async () => {
  const cat = (name: string, slug: string, parent?: { id: number; path: string; depth: number }) =>
    db().category.create({
      data: {
        name,
        slug,
        path: parent ? `${parent.path}/${slug}` : slug,
        parentId: parent?.id,
        depth: parent ? parent.depth + 1 : 0,
      },
    });
  const kitchen = await cat("Kitchen", "kitchen");
  const mugs = await cat("Mugs", "mugs", kitchen);
  const garden = await cat("Garden", "garden");
  const tools = await cat("Tools", "tools", garden);
  const shop = async (rating: number, hours: number | null) => {
    const user = await createUser(db(), { role: "seller" });
    const tag = randomBytes(4).toString("hex");
    return db().sellerProfile.create({
      data: {
        userId: user.id,
        shopName: `Shop ${tag}`,
        slug: `shop-${tag}`,
        ratingAvg: rating,
        ratingCount: rating ? 10 : 0,
        avgFulfilmentHours: hours,
      },
    });
  };
  const fast = await shop(4.9, 12);
  const slow = await shop(0, null);
  sameMoment = new Date(Date.now() - 12 * day);
  const items: [
    string,
    string,
    { id: number },
    number,
    Partial<{ seller: string; rating: number; reviews: number; stock: number; fraud: number; at: Date }>,
  ][] = [
    // Identical twins: same words, seller, price, rating and moment; only the id differs.
    ["twinA", "Blue Ceramic Mug", mugs, 1500, { seller: slow.id, at: sameMoment }],
    ["twinB", "Blue Ceramic Mug", mugs, 1500, { seller: slow.id, at: sameMoment }],
    ["mugs", "Blue Ceramic Mugs Set of Four", mugs, 4200, { seller: fast.id, rating: 4.7, reviews: 40 }],
    ["travel", "Travel Mug Steel", mugs, 2500, { seller: fast.id, stock: 0, at: sameMoment }],
    ["fraud", "Blue Mug", mugs, 900, { seller: fast.id, fraud: 80 }],
    ["cafe", "Café Crème Mug", mugs, 1800, { seller: slow.id, rating: 3, reviews: 2 }],
    ["trowel", "Steel Garden Trowel", tools, 1200, { seller: fast.id, rating: 4.2, reviews: 8 }],
    ["hose", "Garden Hose Reel", tools, 6500, { seller: slow.id }],
    ["bluepot", "Blue Garden Pot", garden, 3000, { seller: slow.id, at: sameMoment }],
    ["boxes", "Boxes for Glasses", kitchen, 2200, { seller: fast.id }],
  ];
  for (const [key, title, c, price, o] of items) {
    const p = await db().product.create({
      data: {
        sellerId: o.seller ?? slow.id,
        categoryId: c.id,
        title,
        description: `${title}. Ships fast.`,
        priceCents: price,
        inventoryCount: o.stock ?? 5,
        status: "active",
        ratingAvg: o.rating ?? 0,
        reviewCount: o.reviews ?? 0,
        fraudScore: o.fraud ?? 0,
        publishedAt: o.at ?? new Date(Date.now() - (3 + Object.keys(ids).length * 7) * day),
      },
    });
    ids[key] = p.id;
  }
  // Conversion history for "blue mug": the plain one was clicked and bought, a twin only shown.
  await db().$executeRaw`
    INSERT INTO search_query_stats (query, product_id, impressions, clicks, purchases) VALUES
      ('blue mug', ${ids.fraud}::uuid, 60, 25, 4), ('blue mug', ${ids.twinB}::uuid, 200, 1, 0)`;
  expect((await reindexSearch({ engine, wait: true })).status).toBe("done");
  invalidateCategoryMedians();
});

const plain = (p: BuyerProfile | null): EngineRanking["profile"] =>
  p && { categories: [...p.categories], topCategories: [...p.topCategories], priceBand: p.priceBand };

/** Ranks one recall in SQL and in JavaScript; they must agree on order, scores and every signal. */
async function rankBothWays(
  q: { text: string; groups: TokenGroup[] } & Partial<EngineQuery>,
  opts: { intentPath?: string | null; profile?: BuyerProfile | null; offset?: number; limit?: number } = {},
) {
  const nowMs = Date.now();
  const base: EngineQuery = {
    fuzzy: false,
    filters: { attributes: {} },
    sort: "relevance",
    window: { kind: "recall", limit: RECALL_LIMIT },
    facets: false,
    ...q,
  };
  const intentPath = opts.intentPath ?? null;
  const profile = opts.profile ?? null;
  const offset = opts.offset ?? 0;
  const limit = opts.limit ?? 48;
  const recall = await engine.query(base);
  expect(recall.ranked).toBeUndefined();
  const js = rerankCandidates(recall.candidates, {
    text: q.text,
    groups: q.groups,
    now: new Date(nowMs),
    stats: await loadQueryStats(q.text),
    categoryMedians: await loadCategoryMedians(),
    intentPath,
    profile,
  }).slice(offset, offset + limit);
  const sql = await engine.query({
    ...base,
    rank: { intentPath, profile: plain(profile), nowMs, offset, limit, explain: true },
  });
  expect(sql.ranked).toBe(true);
  expect(sql.total).toBe(recall.total);
  expect(sql.candidates.map((c) => [c.productId, c.score])).toEqual(js.map((c) => [c.productId, c.score]));
  // JavaScript rounds a zero penalty to -0; the breakdown's reader cannot tell them apart.
  const signed = (b: Record<string, number> | undefined) =>
    Object.fromEntries(Object.entries(b ?? {}).map(([k, v]) => [k, v === 0 ? 0 : v]));
  expect(sql.candidates.map((c) => signed(c.breakdown))).toEqual(js.map((c) => signed(c.breakdown)));
  return sql.candidates.map((c) => c.productId);
}

describe("ranking in SQL matches the JavaScript model", () => {
  it("keeps the pool's order for exact ties (text score, then id)", async () => {
    const order = await rankBothWays({ text: "blue ceramic mug", groups: [[["blue"]], [["ceramic"]], [["mug"]]] });
    const twins = [ids.twinA, ids.twinB].sort();
    expect(order.filter((id) => twins.includes(id))).toEqual(twins);
  });

  it("browsing by relevance: ties keep newest first, then the higher id", async () => {
    const order = await rankBothWays({ text: "", groups: [] });
    expect(order).toHaveLength(Object.keys(ids).length);
  });

  it("applies conversion history, fraud and stock for the query", async () => {
    const order = await rankBothWays({ text: "blue mug", groups: [[["blue"]], [["mug"]]] });
    expect(order.indexOf(ids.twinA)).toBeLessThan(order.indexOf(ids.twinB));
  });

  it("boosts the category the words name and the buyer's habits", async () => {
    const profile = buyerProfileFrom([
      { categoryPath: "garden/tools", unitPriceCents: 1000 },
      { categoryPath: "garden/tools", unitPriceCents: 1400 },
      { categoryPath: "kitchen", unitPriceCents: 2000 },
    ]);
    await rankBothWays({ text: "steel", groups: [[["steel"]]] }, { intentPath: "kitchen/mugs" });
    await rankBothWays({ text: "blue", groups: [[["blue"]]] }, { profile });
    await rankBothWays({ text: "garden", groups: [[["garden"]]] }, { profile, intentPath: "garden" });
  });

  it("matches synonym phrases, plurals and accented titles", async () => {
    await rankBothWays({ text: "cup", groups: [[["cup"], ["blue", "mug"], ["mugs"]]] });
    await rankBothWays({ text: "box glass", groups: [[["box"]], [["glass"]]] });
    await rankBothWays({ text: "cafe creme", groups: [[["cafe"]], [["creme"]]] });
  });

  it("ranks the typo fallbacks (word being typed, trigram titles) the same", async () => {
    await rankBothWays({ text: "blue cer", groups: [[["blue"]], [["cer"]]], prefix: true });
    const fuzzy = await rankBothWays({ text: "ceramik", groups: [[["ceramik"]]], fuzzy: true });
    expect(fuzzy.length).toBeGreaterThan(0);
  });

  it("returns the page asked for of the ranked pool", async () => {
    const q = { text: "", groups: [] };
    const all = await rankBothWays(q);
    expect(await rankBothWays(q, { offset: 2, limit: 3 })).toEqual(all.slice(2, 5));
    expect(await rankBothWays(q, { offset: 40, limit: 3 })).toEqual([]);
  });
});
