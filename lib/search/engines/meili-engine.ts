// The Meilisearch engine (MEILI_HOST set): the same contract as the PostgreSQL engine, with
// Meilisearch doing recall, typo tolerance, synonyms, filters, facets and sorts. Documents
// come from the same product_search_source view; the outbox indexer pushes them with
// idempotent upserts, never inside a database transaction.
import "server-only";

import { Meilisearch, MeilisearchApiError, type Filter, type Index, type IndexSwap, type Settings } from "meilisearch";

import { listingRatingScore } from "@/lib/catalog/rating-score";
import { db } from "@/lib/db/client";

import { PRICE_BUCKETS_CENTS, RESULT_WINDOW } from "../search-config";
import type {
  EngineFilters,
  EngineQuery,
  EngineResult,
  RawFacets,
  SearchCandidate,
  SearchEngine,
  SearchSort,
  TokenGroup,
} from "../search-types";
import { loadSearchSource, loadSellableSourceBatch, type SearchSourceRow } from "./search-source";

export type MeiliProduct = {
  id: string;
  title: string;
  description: string;
  shop_name: string;
  category_id: number;
  category_paths: string[];
  category_names: string;
  attribute_pairs: string[];
  attribute_text: string;
  price_cents: number;
  price_bucket: number;
  currency: string;
  rating_avg: number;
  rating_floor: number;
  /** The Bayesian average "Top rated" sorts by (lib/catalog/rating-score.ts). */
  rating_score: number;
  review_count: number;
  seller_id: string;
  seller_rating: number;
  seller_fulfilment_hours: number | null;
  in_stock: boolean;
  fraud_score: number;
  /** Unix milliseconds, sortable. */
  published_at: number;
};

const FACETS = ["category_paths", "price_bucket", "rating_floor", "attribute_pairs", "in_stock"];
const RETRIEVE = [
  "id",
  "title",
  "category_id",
  "category_paths",
  "price_cents",
  "currency",
  "rating_avg",
  "review_count",
  "seller_rating",
  "seller_fulfilment_hours",
  "in_stock",
  "fraud_score",
  "published_at",
];
const TASK_WAIT = { timeout: 120_000, interval: 50 };

const SORTS: Record<Exclude<SearchSort, "relevance">, string[]> = {
  price_asc: ["price_cents:asc"],
  price_desc: ["price_cents:desc"],
  newest: ["published_at:desc"],
  rating: ["rating_score:desc", "review_count:desc"],
};

export function priceBucket(priceCents: number): number {
  const i = PRICE_BUCKETS_CENTS.findIndex((upper) => priceCents < upper);
  return i === -1 ? PRICE_BUCKETS_CENTS.length : i;
}

export function toMeiliProduct(r: SearchSourceRow): MeiliProduct {
  return {
    id: r.product_id,
    title: r.title,
    description: r.description,
    shop_name: r.shop_name,
    category_id: r.category_id,
    category_paths: r.category_paths,
    category_names: r.category_names,
    attribute_pairs: r.attribute_pairs,
    attribute_text: r.attribute_text,
    price_cents: r.price_cents,
    price_bucket: priceBucket(r.price_cents),
    currency: r.currency,
    rating_avg: r.rating_avg,
    rating_floor: Math.min(5, Math.floor(r.rating_avg)),
    rating_score: listingRatingScore(r.rating_avg, r.review_count),
    review_count: r.review_count,
    seller_id: r.seller_id,
    seller_rating: r.seller_rating,
    seller_fulfilment_hours: r.seller_fulfilment_hours,
    in_stock: r.in_stock,
    fraud_score: r.fraud_score,
    published_at: r.published_at.getTime(),
  };
}

/** A Meilisearch filter string literal; the value can hold quotes or backslashes safely. */
export function meiliString(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** Filters as Meilisearch's array form: outer entries are ANDed, inner arrays ORed. */
export function meiliFilter(f: EngineFilters): Filter {
  const out: (string | string[])[] = [];
  if (f.categoryPath) out.push(`category_paths = ${meiliString(f.categoryPath)}`);
  if (f.priceMinCents != null) out.push(`price_cents >= ${Math.trunc(f.priceMinCents)}`);
  if (f.priceMaxCents != null) out.push(`price_cents <= ${Math.trunc(f.priceMaxCents)}`);
  if (f.ratingMin != null) out.push(`rating_avg >= ${Number(f.ratingMin)}`);
  if (f.inStock) out.push("in_stock = true");
  for (const [key, values] of Object.entries(f.attributes)) {
    if (values.length) out.push(values.map((v) => `attribute_pairs = ${meiliString(`${key}:${v}`)}`));
  }
  return out;
}

/** Index settings: what is searched (in priority order), filtered, sorted and faceted. */
export function meiliSettings(synonyms: Record<string, string[]>): Settings {
  return {
    searchableAttributes: ["title", "category_names", "attribute_text", "description", "shop_name"],
    filterableAttributes: [
      "category_paths",
      "price_cents",
      "price_bucket",
      "rating_avg",
      "rating_floor",
      "in_stock",
      "attribute_pairs",
      "seller_id",
    ],
    sortableAttributes: ["price_cents", "published_at", "rating_avg", "rating_score", "review_count"],
    rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness"],
    synonyms,
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
    faceting: { maxValuesPerFacet: 300 },
    pagination: { maxTotalHits: RESULT_WINDOW },
  };
}

/** Synonym groups as Meilisearch's mutual synonym map. */
export function meiliSynonyms(groups: string[][]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const group of groups) {
    const members = [...new Set(group.map((g) => g.trim().toLowerCase()).filter(Boolean))];
    for (const m of members) out[m] = [...new Set([...(out[m] ?? []), ...members.filter((x) => x !== m)])];
  }
  return out;
}

function toCandidate(h: Partial<MeiliProduct> & { _rankingScore?: number }): SearchCandidate {
  return {
    productId: String(h.id),
    title: h.title ?? "",
    categoryId: h.category_id ?? 0,
    categoryPaths: h.category_paths ?? [],
    priceCents: h.price_cents ?? 0,
    currency: h.currency ?? "USD",
    ratingAvg: h.rating_avg ?? 0,
    reviewCount: h.review_count ?? 0,
    sellerRating: h.seller_rating ?? 0,
    sellerFulfilmentHours: h.seller_fulfilment_hours ?? null,
    inStock: Boolean(h.in_stock),
    fraudScore: h.fraud_score ?? 0,
    publishedAt: new Date(h.published_at ?? 0),
    textScore: h._rankingScore ?? 0,
  };
}

function toRawFacets(dist: Record<string, Record<string, number>> | undefined): RawFacets {
  const facets: RawFacets = {
    categoryPaths: {},
    priceBuckets: Array(PRICE_BUCKETS_CENTS.length + 1).fill(0),
    attributePairs: {},
    ratingFloors: Array(6).fill(0),
    inStock: 0,
  };
  if (!dist) return facets;
  facets.categoryPaths = { ...(dist.category_paths ?? {}) };
  facets.attributePairs = { ...(dist.attribute_pairs ?? {}) };
  for (const [k, n] of Object.entries(dist.price_bucket ?? {})) facets.priceBuckets[Number(k)] = n;
  for (const [k, n] of Object.entries(dist.rating_floor ?? {})) facets.ratingFloors[Number(k)] = n;
  facets.inStock = dist.in_stock?.true ?? 0;
  return facets;
}

const isNotFound = (err: unknown) => err instanceof MeilisearchApiError && err.cause?.code === "index_not_found";

export function createMeiliEngine(opts: {
  host: string;
  apiKey?: string;
  indexUid?: string;
}): SearchEngine & { client: Meilisearch; indexUid: string; ensureIndex: () => Promise<void> } {
  const client = new Meilisearch({ host: opts.host, apiKey: opts.apiKey });
  const indexUid = opts.indexUid ?? "products";
  const index = (): Index<MeiliProduct> => client.index<MeiliProduct>(indexUid);
  let ready: Promise<void> | null = null;

  const loadSynonymGroups = async () =>
    (await db().searchSynonym.findMany({ select: { term: true, synonyms: true } })).map((r) => [r.term, ...r.synonyms]);

  /** Creates the index with its settings the first time (adding documents alone would skip the settings). */
  function ensureIndex(): Promise<void> {
    ready ??= (async () => {
      try {
        await client.getIndex(indexUid);
      } catch (err) {
        if (!isNotFound(err)) throw err;
        await client.createIndex(indexUid, { primaryKey: "id" }).waitTask(TASK_WAIT);
        await index()
          .updateSettings(meiliSettings(meiliSynonyms(await loadSynonymGroups())))
          .waitTask(TASK_WAIT);
      }
    })().catch((err) => {
      ready = null;
      throw err;
    });
    return ready;
  }

  async function syncProducts(productIds: string[]): Promise<void> {
    if (productIds.length === 0) return;
    await ensureIndex();
    const rows = await loadSearchSource(productIds);
    const sellable = rows.filter((r) => r.sellable);
    const keep = new Set(sellable.map((r) => r.product_id));
    const remove = productIds.filter((id) => !keep.has(id));
    // Replace (not merge) so a document never keeps fields from an older version.
    if (sellable.length)
      await index().addDocuments(sellable.map(toMeiliProduct), { primaryKey: "id" }).waitTask(TASK_WAIT);
    if (remove.length) await index().deleteDocuments(remove).waitTask(TASK_WAIT);
  }

  return {
    name: "meilisearch",
    syncInTransaction: false,
    // Meilisearch returns the recall; the search service ranks it (rank/ranking-weights.ts).
    ranksInQuery: false,
    client,
    indexUid,
    ensureIndex,

    async query(q: EngineQuery): Promise<EngineResult> {
      await ensureIndex();
      const relevance = q.sort === "relevance";
      const offset = q.window.kind === "page" && !relevance ? q.window.offset : 0;
      const limit =
        q.window.kind === "recall" ? q.window.limit : relevance ? q.window.offset + q.window.limit : q.window.limit;
      const sort = q.sort === "relevance" ? (q.text ? undefined : SORTS.newest) : SORTS[q.sort];
      const filter = meiliFilter(q.filters) as (string | string[])[];
      const res = await index().search(q.text || null, {
        filter: filter.length ? filter : undefined,
        sort,
        offset,
        limit,
        facets: q.facets ? FACETS : undefined,
        attributesToRetrieve: RETRIEVE,
        showRankingScore: true,
        // Every word must match, as on PostgreSQL; the fuzzy retry lets trailing words go.
        matchingStrategy: q.fuzzy ? "last" : "all",
      });
      const total = res.estimatedTotalHits ?? res.hits.length;
      return {
        candidates: res.hits.map((h) => toCandidate(h as Partial<MeiliProduct> & { _rankingScore?: number })),
        total,
        // Meilisearch counts exhaustively only when paginating by page; offset/limit gives an estimate.
        totalExact: total < RESULT_WINDOW && res.hits.length < limit,
        facets: q.facets ? toRawFacets(res.facetDistribution) : null,
      };
    },

    async suggestTitles({ text, limit }: { text: string; groups: TokenGroup[]; limit: number }) {
      if (!text) return [];
      await ensureIndex();
      const res = await index().search(text, {
        limit,
        attributesToRetrieve: ["id", "title"],
        attributesToSearchOn: ["title"],
      });
      return res.hits.map((h) => ({ productId: String(h.id), title: String(h.title) }));
    },

    syncProducts,

    async reindex(o = {}) {
      const batchSize = o.batchSize ?? 5000;
      // Changes made while the new index fills are replayed into it after the swap.
      const [{ max: outboxMark }] = await db().$queryRaw<
        { max: bigint | null }[]
      >`SELECT max(id) AS max FROM outbox_events`;
      const [{ n: total }] = await db().$queryRaw<
        { n: number }[]
      >`SELECT count(*)::int AS n FROM products WHERE status = 'active'`;
      const building = `${indexUid}_build_${Date.now()}`;
      await client.createIndex(building, { primaryKey: "id" }).waitTask(TASK_WAIT);
      const target = client.index<MeiliProduct>(building);
      await target.updateSettings(meiliSettings(meiliSynonyms(await loadSynonymGroups()))).waitTask(TASK_WAIT);
      let after = "00000000-0000-0000-0000-000000000000";
      let done = 0;
      o.onProgress?.(0, total);
      for (;;) {
        const rows = await loadSellableSourceBatch(after, batchSize);
        if (rows.length === 0) break;
        await target.addDocuments(rows.map(toMeiliProduct), { primaryKey: "id" }).waitTask(TASK_WAIT);
        after = rows[rows.length - 1].product_id;
        done += rows.length;
        o.onProgress?.(done, Math.max(total, done));
      }
      // Swapping needs both indexes; on a first build the live one starts out empty.
      await ensureIndex();
      await client.swapIndexes([{ indexes: [indexUid, building] } as IndexSwap]).waitTask(TASK_WAIT);
      // After the swap `building` holds the previous documents.
      await client.deleteIndex(building).waitTask(TASK_WAIT);
      const changed = await db().$queryRaw<{ id: string }[]>`
        SELECT DISTINCT aggregate_id AS id FROM outbox_events
         WHERE id > ${outboxMark ?? BigInt(0)} AND aggregate_type = 'product'`;
      for (let i = 0; i < changed.length; i += 500) await syncProducts(changed.slice(i, i + 500).map((r) => r.id));
      return { documents: done };
    },

    async syncSynonyms(groups: string[][]) {
      await ensureIndex();
      await index().updateSynonyms(meiliSynonyms(groups)).waitTask(TASK_WAIT);
    },
  };
}
