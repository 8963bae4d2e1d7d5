// The default engine: product_search_documents (kept by the outbox indexer) queried with a
// weighted tsvector (GIN), pg_trgm for misspellings, and GIN array filters for category
// subtrees and attributes. Every statement is bounded: recall ranks at most RECALL_POOL
// matches, totals and facets count at most COUNT_CAP rows.
import { db, type Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { buildTsQuery } from "./build-tsquery";
import { COUNT_CAP, PRICE_BUCKETS_CENTS, RECALL_POOL } from "./search-config";
import type { EngineFilters, EngineQuery, EngineResult, RawFacets, SearchCandidate, SearchEngine, SearchSort, TokenGroup } from "./search-types";

type CandidateRow = {
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
  published_at: Date;
  text_score: number;
};

const CANDIDATE_COLUMNS = Prisma.sql`d.product_id::text AS product_id, d.title, d.category_id, d.category_paths, d.price_cents, d.currency::text AS currency,
  d.rating_avg, d.review_count, d.seller_rating, d.seller_fulfilment_hours, d.in_stock, d.fraud_score, d.published_at`;

// Title (A) far above category/attributes (B), description (C) and shop name (D); the
// weights array is {D, C, B, A}. Normalization 1 divides by 1 + log(document length).
const RANK = (query: Prisma.Sql) => Prisma.sql`ts_rank('{0.05, 0.2, 0.5, 1.0}', d.document, ${query}, 1)`;

const SORT_SQL: Record<Exclude<SearchSort, "relevance">, Prisma.Sql> = {
  price_asc: Prisma.sql`d.price_cents ASC, d.product_id`,
  price_desc: Prisma.sql`d.price_cents DESC, d.product_id`,
  newest: Prisma.sql`d.published_at DESC, d.product_id`,
  rating: Prisma.sql`d.rating_avg DESC, d.review_count DESC, d.product_id`,
};

function toCandidate(r: CandidateRow): SearchCandidate {
  return {
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
    publishedAt: r.published_at,
    textScore: Number(r.text_score ?? 0),
  };
}

function filterConditions(f: EngineFilters): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [];
  if (f.categoryPath) parts.push(Prisma.sql`d.category_paths @> ARRAY[${f.categoryPath}]::text[]`);
  if (f.priceMinCents != null) parts.push(Prisma.sql`d.price_cents >= ${f.priceMinCents}`);
  if (f.priceMaxCents != null) parts.push(Prisma.sql`d.price_cents <= ${f.priceMaxCents}`);
  if (f.ratingMin != null) parts.push(Prisma.sql`d.rating_avg >= ${f.ratingMin}`);
  if (f.inStock) parts.push(Prisma.sql`d.in_stock`);
  for (const [key, values] of Object.entries(f.attributes)) {
    if (values.length) parts.push(Prisma.sql`d.attribute_pairs && ${values.map((v) => `${key}:${v}`)}::text[]`);
  }
  return parts;
}

type Match = { from: Prisma.Sql; where: Prisma.Sql; rank: Prisma.Sql | null; fuzzy: boolean };

/** FROM and WHERE for a query: full text when there are words, trigram when fuzzy, else everything. */
function matchClause(q: Pick<EngineQuery, "groups" | "text" | "fuzzy" | "filters">): Match | null {
  const conditions = filterConditions(q.filters);
  let from = Prisma.sql`product_search_documents d`;
  let rank: Prisma.Sql | null = null;
  if (q.fuzzy && q.text) {
    conditions.unshift(Prisma.sql`${q.text} <% d.title_norm`);
    rank = Prisma.sql`word_similarity(${q.text}, d.title_norm)`;
  } else if (q.groups.length) {
    const tsquery = buildTsQuery(q.groups);
    if (!tsquery) return null;
    from = Prisma.sql`product_search_documents d, to_tsquery('english', ${tsquery}) AS query`;
    conditions.unshift(Prisma.sql`d.document @@ query`);
    rank = RANK(Prisma.sql`query`);
  }
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  return { from, where, rank, fuzzy: q.fuzzy && Boolean(q.text) };
}

// The trigram fallback looks for titles containing a word close to the query; 0.6 (the
// default) misses two-letter swaps such as "headphnoes".
const WORD_SIMILARITY_THRESHOLD = 0.45;
const SYNC_SLICE = 2000;

async function run<T>(m: Match, sql: Prisma.Sql): Promise<T> {
  if (!m.fuzzy) return db().$queryRaw<T>(sql);
  const [, rows] = await db().$transaction([
    db().$executeRaw`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(WORD_SIMILARITY_THRESHOLD)}, true)`,
    db().$queryRaw<T>(sql),
  ]);
  return rows;
}

async function recall(m: Match, sort: SearchSort, limit: number): Promise<SearchCandidate[]> {
  if (m.rank) {
    // Rank a bounded pool of matches: a word in half the catalogue must not rank all of it.
    const rows = await run<CandidateRow[]>(m, Prisma.sql`
      SELECT * FROM (
        SELECT ${CANDIDATE_COLUMNS}, ${m.rank} AS text_score FROM ${m.from} ${m.where} LIMIT ${RECALL_POOL}
      ) pool ORDER BY text_score DESC, product_id LIMIT ${limit}`);
    return rows.map(toCandidate);
  }
  // Browsing with "relevance": the newest listings are the candidates ranking orders.
  const order = sort === "relevance" ? SORT_SQL.newest : SORT_SQL[sort];
  const rows = await run<CandidateRow[]>(m, Prisma.sql`SELECT ${CANDIDATE_COLUMNS}, 0::float8 AS text_score FROM ${m.from} ${m.where} ORDER BY ${order} LIMIT ${limit}`);
  return rows.map(toCandidate);
}

async function page(m: Match, sort: Exclude<SearchSort, "relevance">, offset: number, limit: number): Promise<SearchCandidate[]> {
  const rows = await run<CandidateRow[]>(m, Prisma.sql`
    SELECT ${CANDIDATE_COLUMNS}, ${m.rank ?? Prisma.sql`0::float8`} AS text_score
      FROM ${m.from} ${m.where} ORDER BY ${SORT_SQL[sort]} LIMIT ${limit} OFFSET ${offset}`);
  return rows.map(toCandidate);
}

type FacetRow = { kind: string; key: string | null; n: number };

/** The capped total and the facet counts, from one pass over at most COUNT_CAP matches. */
async function countAndFacets(m: Match, withFacets: boolean): Promise<{ total: number; totalExact: boolean; facets: RawFacets | null }> {
  if (!withFacets) {
    const [row] = await run<{ n: number }[]>(m, Prisma.sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${m.from} ${m.where} LIMIT ${COUNT_CAP + 1}) capped`);
    return { total: Math.min(row.n, COUNT_CAP), totalExact: row.n <= COUNT_CAP, facets: null };
  }
  const rows = await run<FacetRow[]>(m, Prisma.sql`
    WITH m AS MATERIALIZED (
      SELECT d.category_paths, d.price_cents, d.attribute_pairs, d.rating_avg, d.in_stock FROM ${m.from} ${m.where} LIMIT ${COUNT_CAP + 1}
    )
    SELECT 'total' AS kind, NULL AS key, count(*)::int AS n FROM m
    UNION ALL SELECT 'in_stock', NULL, count(*)::int FROM m WHERE m.in_stock
    UNION ALL SELECT 'category', p, count(*)::int FROM m, unnest(m.category_paths) AS p GROUP BY p
    UNION ALL SELECT 'price', width_bucket(m.price_cents, ${[...PRICE_BUCKETS_CENTS]}::int[])::text, count(*)::int FROM m GROUP BY 2
    UNION ALL SELECT 'rating', LEAST(5, floor(m.rating_avg))::int::text, count(*)::int FROM m GROUP BY 2
    UNION ALL (SELECT 'attribute', a, count(*)::int FROM m, unnest(m.attribute_pairs) AS a GROUP BY a ORDER BY 3 DESC, 2 LIMIT 300)`);
  const facets: RawFacets = { categoryPaths: {}, priceBuckets: Array(PRICE_BUCKETS_CENTS.length + 1).fill(0), attributePairs: {}, ratingFloors: Array(6).fill(0), inStock: 0 };
  let n = 0;
  for (const r of rows) {
    if (r.kind === "total") n = r.n;
    else if (r.kind === "in_stock") facets.inStock = r.n;
    else if (r.kind === "category" && r.key) facets.categoryPaths[r.key] = r.n;
    else if (r.kind === "price") facets.priceBuckets[Number(r.key)] = r.n;
    else if (r.kind === "rating") facets.ratingFloors[Number(r.key)] = r.n;
    else if (r.kind === "attribute" && r.key) facets.attributePairs[r.key] = r.n;
  }
  return { total: Math.min(n, COUNT_CAP), totalExact: n <= COUNT_CAP, facets };
}

export function createPostgresEngine(): SearchEngine {
  return {
    name: "postgres",
    syncInTransaction: true,

    async query(q: EngineQuery): Promise<EngineResult> {
      const m = matchClause(q);
      if (!m) return { candidates: [], total: 0, totalExact: true, facets: null };
      // Relevance is always recalled and re-ranked by the caller; a page window only applies to the other sorts.
      const hits =
        q.window.kind === "page" && q.sort !== "relevance"
          ? page(m, q.sort, q.window.offset, q.window.limit)
          : recall(m, q.sort, q.window.kind === "recall" ? q.window.limit : q.window.offset + q.window.limit);
      const [candidates, counted] = await Promise.all([hits, countAndFacets(m, q.facets)]);
      return { candidates, ...counted };
    },

    async suggestTitles({ groups, limit }: { text: string; groups: TokenGroup[]; limit: number }) {
      const tsquery = buildTsQuery(groups);
      if (!tsquery) return [];
      // Titles only (weight A), best first among a small pool.
      return db().$queryRaw<{ productId: string; title: string }[]>`
        SELECT product_id AS "productId", title FROM (
          SELECT d.product_id::text AS product_id, d.title, ts_rank('{0, 0, 0.1, 1.0}', d.document, query) AS r
            FROM product_search_documents d, to_tsquery('english', ${tsquery}) AS query
           WHERE d.document @@ query LIMIT 500
        ) pool ORDER BY r DESC, title LIMIT ${limit}`;
    },

    async syncProducts(productIds: string[], tx?: Tx) {
      // A seller's rating change names all their listings: refresh them in slices.
      for (let i = 0; i < productIds.length; i += SYNC_SLICE) {
        await (tx ?? db()).$queryRaw`SELECT refresh_product_search_documents(${productIds.slice(i, i + SYNC_SLICE)}::uuid[])`;
      }
    },

    async reindex(opts = {}) {
      const batchSize = opts.batchSize ?? 2000;
      const [{ n: total }] = await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM products`;
      let done = 0;
      let after = "00000000-0000-0000-0000-000000000000";
      opts.onProgress?.(0, total);
      for (;;) {
        const ids = await db().$queryRaw<{ id: string }[]>`SELECT id::text FROM products WHERE id > ${after}::uuid ORDER BY id LIMIT ${batchSize}`;
        if (ids.length === 0) break;
        await db().$queryRaw`SELECT refresh_product_search_documents(${ids.map((r) => r.id)}::uuid[])`;
        after = ids[ids.length - 1].id;
        done += ids.length;
        opts.onProgress?.(Math.min(done, total), Math.max(total, done));
      }
      // Documents whose product no longer exists (refresh only visits products that do).
      await db().$executeRaw`DELETE FROM product_search_documents d WHERE NOT EXISTS (SELECT 1 FROM products p WHERE p.id = d.product_id)`;
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
