// The default engine: product_search_documents (kept by the outbox indexer) queried with a
// weighted tsvector (GIN), pg_trgm for misspellings, and GIN array filters for category
// subtrees and attributes.
//
// Every search touches a bounded number of rows, however many listings match: one statement
// takes a pool of at most RECALL_LIMIT matches and returns, from that one pass, the ranked (or
// sorted) candidates, the facet counts and the pool's size. Relevance is ranked in that same
// statement (ranking-sql.ts: the model of rank/ranking-weights.ts, reading the query's
// history and the category medians by join), so only the page asked for leaves PostgreSQL. When the pool is full the total is
// the planner's estimate (from the tsvector statistics, usually close) and the facet counts
// are scaled to it, marked inexact. The trade-off: a query matching more than RECALL_LIMIT
// listings is ranked (or sorted by price, date, rating) among the first RECALL_LIMIT the index
// yields, not all of them. Browsing without words sorts everything (a btree walk).
import "server-only";

import { db, type Tx } from "@/lib/db/client";
import { readDb } from "@/lib/db/read-db";
import { Prisma } from "@/lib/generated/prisma/client";

import { PRICE_BUCKETS_CENTS, RECALL_LIMIT, RESULT_WINDOW } from "../search-config";
import type {
  EngineFilters,
  EngineQuery,
  EngineRanking,
  EngineResult,
  RawFacets,
  SearchCandidate,
  SearchEngine,
  SearchSort,
  TokenGroup,
} from "../search-types";
import { ttlMemo } from "../ttl-memo";
import { buildTsQuery } from "./build-tsquery";
import { filterTsQuery } from "./filter-tokens";
import { rankedPageSql } from "./ranking-sql";
import { estimateCache, scanBeatsIndex } from "./text-scan-choice";

type CandidateJson = {
  product_id: string;
  title: string;
  category_id: number;
  category_paths: string[];
  price_cents: number;
  currency: string;
  rating_avg: number;
  review_count: number;
  seller_rating: number;
  seller_fulfilment_hours: number | null;
  in_stock: boolean;
  fraud_score: number;
  published_ms: number;
  text_score: number;
  score?: number;
  breakdown?: Record<string, number> | null;
};

type FacetJson = {
  categories: Record<string, number>;
  prices: Record<string, number>;
  ratings: Record<string, number>;
  attributes: Record<string, number>;
  in_stock: number;
};

const POOL_COLUMNS = Prisma.sql`d.product_id, d.title, d.title_norm, d.category_id, d.category_paths, d.price_cents, d.currency, d.rating_avg, d.review_count,
  d.seller_rating, d.seller_fulfilment_hours, d.in_stock, d.fraud_score, d.published_at, d.attribute_pairs`;

const CANDIDATE_JSON = Prisma.sql`json_build_object(
  'product_id', p.product_id, 'title', p.title, 'category_id', p.category_id, 'category_paths', p.category_paths,
  'price_cents', p.price_cents, 'currency', p.currency, 'rating_avg', p.rating_avg, 'review_count', p.review_count,
  'seller_rating', p.seller_rating, 'seller_fulfilment_hours', p.seller_fulfilment_hours, 'in_stock', p.in_stock,
  'fraud_score', p.fraud_score, 'published_ms', floor(extract(epoch FROM p.published_at) * 1000), 'text_score', p.text_score)`;

const RANKED_JSON = Prisma.sql`json_build_object(
  'product_id', p.product_id, 'title', p.title, 'category_id', p.category_id, 'category_paths', p.category_paths,
  'price_cents', p.price_cents, 'currency', p.currency, 'rating_avg', p.rating_avg, 'review_count', p.review_count,
  'seller_rating', p.seller_rating, 'seller_fulfilment_hours', p.seller_fulfilment_hours, 'in_stock', p.in_stock,
  'fraud_score', p.fraud_score, 'published_ms', floor(extract(epoch FROM p.published_at) * 1000), 'text_score', p.text_score,
  'score', p.score, 'breakdown', p.breakdown)`;

// Title (A) far above category/attributes (B), description (C) and shop name (D); the
// weights array is {D, C, B, A}. Normalization 1 divides by 1 + log(document length).
const RANK = Prisma.sql`ts_rank('{0.05, 0.2, 0.5, 1.0}', d.document, query, 1)`;

// Each order matches a btree ((price_cents, product_id) and so on) walked forwards or backwards.
const SORT_SQL: Record<Exclude<SearchSort, "relevance">, { d: Prisma.Sql; p: Prisma.Sql }> = {
  price_asc: { d: Prisma.sql`d.price_cents ASC, d.product_id ASC`, p: Prisma.sql`p.price_cents ASC, p.product_id ASC` },
  price_desc: {
    d: Prisma.sql`d.price_cents DESC, d.product_id DESC`,
    p: Prisma.sql`p.price_cents DESC, p.product_id DESC`,
  },
  newest: {
    d: Prisma.sql`d.published_at DESC, d.product_id DESC`,
    p: Prisma.sql`p.published_at DESC, p.product_id DESC`,
  },
  // The Bayesian average of lib/catalog/rating-score.ts (index product_search_documents_rating_score_idx).
  rating: {
    d: Prisma.sql`listing_rating_score(d.rating_avg, d.review_count) DESC, d.review_count DESC, d.product_id DESC`,
    p: Prisma.sql`listing_rating_score(p.rating_avg, p.review_count) DESC, p.review_count DESC, p.product_id DESC`,
  },
};

function toCandidate(r: CandidateJson): EngineResult["candidates"][number] {
  const ranked = r.score == null ? {} : { score: r.score, ...(r.breakdown ? { breakdown: r.breakdown } : {}) };
  return {
    ...ranked,
    productId: r.product_id,
    title: r.title,
    categoryId: r.category_id,
    categoryPaths: r.category_paths,
    priceCents: r.price_cents,
    currency: r.currency,
    ratingAvg: r.rating_avg,
    reviewCount: r.review_count,
    sellerRating: r.seller_rating,
    sellerFulfilmentHours: r.seller_fulfilment_hours,
    inStock: r.in_stock,
    fraudScore: r.fraud_score,
    publishedAt: new Date(r.published_ms),
    textScore: Number(r.text_score ?? 0),
  };
}

/** Price and rating bounds (the planner may walk the price btree when the range is narrow). */
function rangeConditions(f: EngineFilters): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [];
  if (f.priceMinCents != null) parts.push(Prisma.sql`d.price_cents >= ${f.priceMinCents}`);
  if (f.priceMaxCents != null) parts.push(Prisma.sql`d.price_cents <= ${f.priceMaxCents}`);
  if (f.ratingMin != null) parts.push(Prisma.sql`d.rating_avg >= ${f.ratingMin}`);
  return parts;
}

// Category levels with a (category_paths[n], published_at, product_id) index (migration
// 20261201230000_search_browse_by_category); deeper paths fall back to the GIN token.
const INDEXED_CATEGORY_LEVELS = 2;

function browseConditions(f: EngineFilters): { conditions: Prisma.Sql[]; filters: EngineFilters } {
  const conditions: Prisma.Sql[] = [];
  const filters: EngineFilters = { ...f };
  const level = f.categoryPath ? f.categoryPath.split("/").length : 0;
  if (f.categoryPath && level <= INDEXED_CATEGORY_LEVELS) {
    // The subscript is a literal: an expression index matches only the same expression.
    conditions.push(Prisma.sql`d.category_paths[${Prisma.raw(String(level))}] = ${f.categoryPath}`);
    filters.categoryPath = undefined;
  }
  if (f.inStock) {
    conditions.push(Prisma.sql`d.in_stock`);
    filters.inStock = false;
  }
  return { conditions, filters };
}

type Match = {
  from: Prisma.Sql;
  where: Prisma.Sql;
  rank: Prisma.Sql | null;
  fuzzy: boolean;
  text: string;
  groups: TokenGroup[];
};

/**
 * FROM and WHERE for a query: the text (full text, or trigram when fuzzy) and the category,
 * attribute and stock filters as one tsquery over the documents' GIN index; price and rating
 * bounds checked per row.
 */
function matchClause(
  q: Pick<EngineQuery, "groups" | "text" | "fuzzy" | "filters" | "prefix">,
  opts: { scanInOrder?: boolean } = {},
): Match | null {
  const filterQuery = filterTsQuery(q.filters);
  const filterSql = filterQuery ? Prisma.sql`${filterQuery}::tsquery` : null;
  const conditions: Prisma.Sql[] = [];
  let from = Prisma.sql`product_search_documents d`;
  let rank: Prisma.Sql | null = null;
  const fuzzy = q.fuzzy && Boolean(q.text);
  if (fuzzy) {
    conditions.push(Prisma.sql`${q.text} <% d.title_norm`);
    if (filterSql) conditions.push(Prisma.sql`d.document @@ ${filterSql}`);
    rank = Prisma.sql`word_similarity(${q.text}, d.title_norm)`;
  } else if (q.groups.length) {
    const tsquery = buildTsQuery(q.groups, { prefixLast: q.prefix });
    if (!tsquery) return null;
    from = Prisma.sql`product_search_documents d, to_tsquery('english', ${tsquery}) AS query`;
    const matched = filterSql ? Prisma.sql`(query && ${filterSql})` : Prisma.sql`query`;
    // ts_match_vq is what @@ calls; written as a function the GIN index does not apply, so the
    // rows come from a sequential scan in physical order (text-scan-choice.ts says when).
    conditions.push(
      opts.scanInOrder ? Prisma.sql`ts_match_vq(d.document, ${matched})` : Prisma.sql`d.document @@ ${matched}`,
    );
    rank = RANK;
  } else {
    // Browsing (no words): the category and stock filters as plain columns, so the planner can
    // walk the category's own (category, published_at) btree in date order and check the price
    // per row, instead of walking every listing's date and discarding the other categories'.
    const browse = browseConditions(q.filters);
    conditions.push(...browse.conditions);
    const rest = filterTsQuery(browse.filters);
    if (rest) conditions.push(Prisma.sql`d.document @@ ${rest}::tsquery`);
  }
  conditions.push(...rangeConditions(q.filters));
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  return { from, where, rank, fuzzy, text: q.text, groups: q.groups };
}

// The trigram fallback looks for titles containing a word close to the query; 0.6 (the
// default) misses two-letter swaps such as "headphnoes".
const WORD_SIMILARITY_THRESHOLD = 0.45;
const SYNC_SLICE = 2000;

// The database's own default (set by a migration) makes the fuzzy query one statement; where
// it is missing (a database the migration could not configure), each fuzzy query sets it in a
// transaction of its own, four statements. Checked once per process.
let thresholdIsDefault: Promise<boolean> | null = null;
function databaseHasThreshold(): Promise<boolean> {
  thresholdIsDefault ??= db().$queryRaw<
    { v: string | null }[]
  >`SELECT current_setting('pg_trgm.word_similarity_threshold', true) AS v`
    .then((rows) => Number(rows[0]?.v) === WORD_SIMILARITY_THRESHOLD)
    .catch(() => false);
  return thresholdIsDefault;
}

// Searches read a replica when one is configured and current (readDb); the fallback's
// transaction is read-only, which a standby runs too.
async function run<T>(m: Match, sql: Prisma.Sql): Promise<T> {
  const client = readDb();
  if (!m.fuzzy || (await databaseHasThreshold())) return client.$queryRaw<T>(sql);
  const [, rows] = await client.$transaction([
    client.$executeRaw`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(WORD_SIMILARITY_THRESHOLD)}, true)`,
    client.$queryRaw<T>(sql),
  ]);
  return rows;
}

type PoolResult = { pool_count: number; candidates: CandidateJson[]; facets: FacetJson | null };

/**
 * One pass over at most RECALL_LIMIT matches (taken in `poolOrder`, or as the index yields
 * them): the candidates in `order` within the window (with `rank`: scored by the ranking
 * model, best first), the facet counts and the pool size.
 */
async function poolQuery(
  m: Match,
  opts: {
    poolOrder: Prisma.Sql | null;
    order: Prisma.Sql;
    offset: number;
    limit: number;
    facets: boolean;
    rank?: EngineRanking;
  },
): Promise<PoolResult> {
  const facets = opts.facets
    ? Prisma.sql`json_build_object(
        'categories', (SELECT coalesce(json_object_agg(k, n), '{}') FROM (SELECT k, count(*)::int AS n FROM pool p, unnest(p.category_paths) AS k GROUP BY k) x),
        'prices', (SELECT coalesce(json_object_agg(k, n), '{}') FROM (SELECT width_bucket(p.price_cents, ${[...PRICE_BUCKETS_CENTS]}::int[]) AS k, count(*)::int AS n FROM pool p GROUP BY 1) x),
        'ratings', (SELECT coalesce(json_object_agg(k, n), '{}') FROM (SELECT LEAST(5, floor(p.rating_avg))::int AS k, count(*)::int AS n FROM pool p GROUP BY 1) x),
        'attributes', (SELECT coalesce(json_object_agg(k, n), '{}') FROM (SELECT k, count(*)::int AS n FROM pool p, unnest(p.attribute_pairs) AS k GROUP BY k ORDER BY n DESC, k LIMIT 300) x),
        'in_stock', (SELECT count(*)::int FROM pool p WHERE p.in_stock))`
    : Prisma.sql`NULL::json`;
  const pool = Prisma.sql`pool AS MATERIALIZED (
      SELECT ${POOL_COLUMNS}, ${m.rank ?? Prisma.sql`0::float4`} AS text_score
        FROM ${m.from} ${m.where} ${opts.poolOrder ? Prisma.sql`ORDER BY ${opts.poolOrder}` : Prisma.empty} LIMIT ${RECALL_LIMIT}
    )`;
  let candidates: Prisma.Sql;
  let ranked = Prisma.empty;
  if (opts.rank) {
    const r = rankedPageSql({ text: m.text, groups: m.groups, rank: opts.rank, byText: Boolean(m.rank) });
    ranked = Prisma.sql`, scored AS (${r.scored})`;
    candidates =
      opts.limit > 0
        ? Prisma.sql`(SELECT coalesce(json_agg(c.j ORDER BY c.n), '[]') FROM (
            SELECT ${RANKED_JSON} AS j, row_number() OVER (ORDER BY ${r.order}) AS n
              FROM scored p ORDER BY ${r.order} LIMIT ${opts.limit} OFFSET ${opts.offset}) c)`
        : Prisma.sql`'[]'::json`;
  } else {
    candidates = Prisma.sql`(SELECT coalesce(json_agg(c.j), '[]') FROM (SELECT ${CANDIDATE_JSON} AS j FROM pool p ORDER BY ${opts.order} LIMIT ${opts.limit} OFFSET ${opts.offset}) c)`;
  }
  const [row] = await run<PoolResult[]>(
    m,
    Prisma.sql`
    WITH ${pool}${ranked}
    SELECT (SELECT count(*)::int FROM pool) AS pool_count, ${candidates} AS candidates, ${facets} AS facets`,
  );
  return row;
}

/** A page of everything matching, in sort order (browsing: btree order, deep pages allowed). */
async function pageQuery(
  m: Match,
  sort: Exclude<SearchSort, "relevance">,
  offset: number,
  limit: number,
): Promise<SearchCandidate[]> {
  const rows = await run<{ j: CandidateJson }[]>(
    m,
    Prisma.sql`SELECT ${CANDIDATE_JSON} AS j FROM (SELECT ${POOL_COLUMNS}, 0::float4 AS text_score FROM ${m.from} ${m.where} ORDER BY ${SORT_SQL[sort].d} LIMIT ${limit} OFFSET ${offset}) p`,
  );
  return rows.map((r) => toCandidate(r.j));
}

const cachedEstimate = estimateCache({ max: 5_000, ttlMs: 10 * 60_000 });
const documentCount = ttlMemo(async () => {
  const [row] = await readDb().$queryRaw<{ n: number }[]>`
    SELECT greatest(reltuples, 0)::float8 AS n FROM pg_class WHERE oid = 'product_search_documents'::regclass`;
  return Number(row?.n ?? 0);
}, 10 * 60_000);

/** The planner's estimate for a word search's index form, from the cache when it was asked lately. */
function plannedMatches(m: Match): Promise<number> {
  const key = JSON.stringify([m.from.sql, m.from.values, m.where.sql, m.where.values]);
  return cachedEstimate(key, () => estimateMatches(m).catch(() => 0));
}

/** The planner's row estimate for a match (from column statistics; no rows are read). */
async function estimateMatches(m: Match): Promise<number> {
  const rows = await run<{ "QUERY PLAN": { Plan: { "Plan Rows": number } }[] }[]>(
    m,
    Prisma.sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM ${m.from} ${m.where}`,
  );
  return Math.round(rows[0]?.["QUERY PLAN"]?.[0]?.Plan?.["Plan Rows"] ?? 0);
}

function toRawFacets(f: FacetJson, scale: number): RawFacets {
  const scaled = (n: number) => Math.round(n * scale);
  const facets: RawFacets = {
    categoryPaths: {},
    priceBuckets: Array(PRICE_BUCKETS_CENTS.length + 1).fill(0),
    attributePairs: {},
    ratingFloors: Array(6).fill(0),
    inStock: scaled(f.in_stock),
  };
  for (const [k, n] of Object.entries(f.categories)) facets.categoryPaths[k] = scaled(n);
  for (const [k, n] of Object.entries(f.attributes)) facets.attributePairs[k] = scaled(n);
  for (const [k, n] of Object.entries(f.prices)) facets.priceBuckets[Number(k)] = scaled(n);
  for (const [k, n] of Object.entries(f.ratings)) facets.ratingFloors[Number(k)] = scaled(n);
  return facets;
}

/** `chooseScan` replaces the measured choice (text-scan-choice.ts): the contract tests run both ways. */
export function createPostgresEngine(
  opts: { chooseScan?: (estimate: number, documents: number) => boolean } = {},
): SearchEngine {
  const chooseScan = opts.chooseScan ?? scanBeatsIndex;
  return {
    name: "postgres",
    syncInTransaction: true,
    ranksInQuery: true,

    async query(q: EngineQuery): Promise<EngineResult> {
      let m = matchClause(q);
      if (!m) return { candidates: [], total: 0, totalExact: true, facets: null };
      // A word search's pool is taken in no order: by scan when it is faster (text-scan-choice.ts).
      let estimate: number | undefined;
      if (m.rank && !m.fuzzy) {
        estimate = await plannedMatches(m);
        if (chooseScan(estimate, await documentCount.get().catch(() => 0))) m = matchClause(q, { scanInOrder: true })!;
      }
      // Ranked here: the page of the ranked recall (none when the recall window is empty, past the reach).
      const rank = q.sort === "relevance" && q.window.kind === "recall" ? q.rank : undefined;
      const window =
        q.window.kind === "recall"
          ? rank
            ? { offset: rank.offset, limit: q.window.limit > 0 ? rank.limit : 0 }
            : { offset: 0, limit: q.window.limit }
          : q.window;
      const browseSorted = !m.rank && q.sort !== "relevance";
      let pool: PoolResult;
      let candidates: SearchCandidate[];
      if (browseSorted) {
        // No words: the whole filtered catalogue in sort order (a btree walk), plus a pool for counts and facets.
        const sort = q.sort as Exclude<SearchSort, "relevance">;
        const pageWindow = window.offset >= RESULT_WINDOW ? null : window;
        [candidates, pool] = await Promise.all([
          pageWindow && pageWindow.limit > 0
            ? pageQuery(m, sort, pageWindow.offset, pageWindow.limit)
            : Promise.resolve([]),
          poolQuery(m, { poolOrder: null, order: Prisma.sql`p.product_id`, offset: 0, limit: 0, facets: q.facets }),
        ]);
      } else {
        const order =
          q.sort === "relevance"
            ? m.rank
              ? Prisma.sql`p.text_score DESC, p.product_id`
              : SORT_SQL.newest.p
            : SORT_SQL[q.sort].p;
        // Browsing by relevance: the newest listings are the candidates ranking orders.
        const poolOrder = m.rank ? null : SORT_SQL.newest.d;
        pool = await poolQuery(m, {
          poolOrder,
          order,
          offset: window.offset,
          limit: window.limit,
          facets: q.facets,
          rank,
        });
        candidates = pool.candidates.map(toCandidate);
      }
      const full = pool.pool_count >= RECALL_LIMIT;
      // Planned (no rows read) only when the pool filled up and the caller does not know the
      // count already: one statement fewer for most searches.
      const total =
        full && q.countMatches !== false
          ? Math.max(RECALL_LIMIT, estimate ?? (await estimateMatches(m).catch(() => 0)))
          : pool.pool_count;
      return {
        candidates,
        ...(rank ? { ranked: true } : {}),
        total,
        totalExact: !full,
        facets: pool.facets ? toRawFacets(pool.facets, full ? total / pool.pool_count : 1) : null,
      };
    },

    async suggestTitles({ groups, limit }: { text: string; groups: TokenGroup[]; limit: number }) {
      const tsquery = buildTsQuery(groups);
      if (!tsquery) return [];
      // Titles only (weight A), best first among a small pool.
      return readDb().$queryRaw<{ productId: string; title: string }[]>`
        SELECT product_id AS "productId", title FROM (
          SELECT d.product_id::text AS product_id, d.title, ts_rank('{0, 0, 0.1, 1.0}', d.document, query) AS r
            FROM product_search_documents d, to_tsquery('english', ${tsquery}) AS query
           WHERE d.document @@ query LIMIT 500
        ) pool ORDER BY r DESC, title LIMIT ${limit}`;
    },

    async syncProducts(productIds: string[], tx?: Tx) {
      // A seller's rating change names all their listings: refresh them in slices.
      for (let i = 0; i < productIds.length; i += SYNC_SLICE) {
        await (tx ?? db())
          .$queryRaw`SELECT refresh_product_search_documents(${productIds.slice(i, i + SYNC_SLICE)}::uuid[])`;
      }
    },

    async reindex(opts = {}) {
      const batchSize = opts.batchSize ?? 2000;
      const [{ n: total }] = await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM products`;
      let done = 0;
      let after = "00000000-0000-0000-0000-000000000000";
      opts.onProgress?.(0, total);
      for (;;) {
        const ids = await db().$queryRaw<
          { id: string }[]
        >`SELECT id::text FROM products WHERE id > ${after}::uuid ORDER BY id LIMIT ${batchSize}`;
        if (ids.length === 0) break;
        await db().$queryRaw`SELECT refresh_product_search_documents(${ids.map((r) => r.id)}::uuid[])`;
        after = ids[ids.length - 1].id;
        done += ids.length;
        opts.onProgress?.(Math.min(done, total), Math.max(total, done));
      }
      // Documents whose product no longer exists (refresh only visits products that do).
      await db()
        .$executeRaw`DELETE FROM product_search_documents d WHERE NOT EXISTS (SELECT 1 FROM products p WHERE p.id = d.product_id)`;
      await db().$queryRaw`SELECT rebuild_search_terms()`;
      await db().$queryRaw`SELECT refresh_search_category_prices()`;
      const [{ n }] = await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM product_search_documents`;
      return { documents: n };
    },

    async syncSynonyms() {
      // Synonyms are expanded into the tsquery at search time; nothing to push.
    },
  };
}
