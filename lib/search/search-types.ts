// The shapes every search engine, the ranking and the API agree on.
import type { ProductSummary } from "@/lib/catalog/product-summary";
import type { Tx } from "@/lib/db/client";

export const SEARCH_SORTS = ["relevance", "price_asc", "price_desc", "newest", "rating"] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export type SearchFilters = {
  /** Category slug as the URL gives it; resolved to a path before the engine sees it. */
  category?: string;
  priceMinCents?: number;
  priceMaxCents?: number;
  ratingMin?: number;
  inStock?: boolean;
  /** Attribute key → accepted values (any of them). Keys are lower-case. */
  attributes: Record<string, string[]>;
};

export type SearchRequest = {
  q: string;
  filters: SearchFilters;
  sort: SearchSort;
  page: number;
  perPage: number;
  debug: boolean;
};

/** One group of interchangeable phrases (a word and its synonyms); each phrase is its words. */
export type TokenGroup = string[][];

export type EngineFilters = Omit<SearchFilters, "category"> & { categoryPath?: string };

export type EngineQuery = {
  /** The normalized query ("" to browse everything). */
  text: string;
  /** The query's words with their synonyms, for engines that expand synonyms themselves. */
  groups: TokenGroup[];
  /** Last resort for misspellings no dictionary word fixes: match titles by trigram similarity. */
  fuzzy: boolean;
  /** Also match the last word as the start of a longer one (a fallback when the words alone find nothing). */
  prefix?: boolean;
  filters: EngineFilters;
  sort: SearchSort;
  /** recall: the best `limit` candidates by text relevance; page: exactly one page in `sort` order. */
  window: { kind: "recall"; limit: number } | { kind: "page"; offset: number; limit: number };
  facets: boolean;
  /** False when the caller already knows the count (cached): the engine may skip counting beyond the recall. */
  countMatches?: boolean;
  /**
   * Relevance with an engine that ranks in its own query (`ranksInQuery`): apply the ranking
   * model (rank/ranking-weights.ts) to the recalled candidates and return only this page of
   * them, ranked, with their scores. Engines that cannot rank ignore it and return the recall.
   */
  rank?: EngineRanking;
};

/** What ranking needs besides the candidates and the words (the engine reads query history and medians itself). */
export type EngineRanking = {
  /** The category the words name (boosted), as a path. */
  intentPath: string | null;
  /** The signed-in buyer's habits, as plain data (see rank/buyer-profile.ts). */
  profile: {
    categories: [string, number][];
    topCategories: [string, number][];
    priceBand: { min: number; max: number } | null;
  } | null;
  /** Unix milliseconds "now" for recency. */
  nowMs: number;
  /** The page of ranked candidates to return. */
  offset: number;
  limit: number;
  /** Return each hit's score breakdown too (the admin debug view). */
  explain: boolean;
};

/** What ranking needs to know about a hit, straight from the index. */
export type SearchCandidate = {
  productId: string;
  title: string;
  categoryId: number;
  categoryPaths: string[];
  priceCents: number;
  currency: string;
  ratingAvg: number;
  reviewCount: number;
  sellerRating: number;
  sellerFulfilmentHours: number | null;
  inStock: boolean;
  fraudScore: number;
  publishedAt: Date;
  /** The engine's own text relevance (higher is better, any scale; 0 when browsing). */
  textScore: number;
};

export type RawFacets = {
  /** Category path (every ancestor counted too) → matches. */
  categoryPaths: Record<string, number>;
  /** Matches per price bucket (index into PRICE_BUCKETS_CENTS, the last one open-ended). */
  priceBuckets: number[];
  /** "key:value" → matches. */
  attributePairs: Record<string, number>;
  /** Matches per whole-star rating floor 0..5. */
  ratingFloors: number[];
  inStock: number;
};

export type EngineResult = {
  /** The recall (or one sorted page); with `ranked`, the ranked page asked for by `rank`. */
  candidates: (SearchCandidate & { score?: number; breakdown?: RankingBreakdown })[];
  /** True when the engine applied the ranking model (EngineQuery.rank) itself. */
  ranked?: boolean;
  total: number;
  /** False when `total` is an estimate (the query matched more than RECALL_LIMIT listings). */
  totalExact: boolean;
  facets: RawFacets | null;
};

export type Suggestion = { kind: "query" | "category" | "product"; text: string; href: string };

export interface SearchEngine {
  readonly name: "postgres" | "meilisearch";
  /** True when syncProducts can join the caller's transaction (the indexer then advances its cursor in it). */
  readonly syncInTransaction: boolean;
  /** True when query() applies the ranking model itself for EngineQuery.rank (PostgreSQL: in SQL). */
  readonly ranksInQuery: boolean;
  query(q: EngineQuery): Promise<EngineResult>;
  /** Titles that complete what the buyer is typing. */
  suggestTitles(q: {
    text: string;
    groups: TokenGroup[];
    limit: number;
  }): Promise<{ productId: string; title: string }[]>;
  /** Brings the engine's documents for these products in line with PostgreSQL (sellable: upsert; otherwise: remove). */
  syncProducts(productIds: string[], tx?: Tx): Promise<void>;
  /** Rebuilds every document from PostgreSQL without taking search offline. */
  reindex(opts?: {
    onProgress?: (done: number, total: number) => void;
    batchSize?: number;
  }): Promise<{ documents: number }>;
  /** Pushes the synonym groups to engines that expand synonyms themselves. */
  syncSynonyms(groups: string[][]): Promise<void>;
}

export type RankingBreakdown = Record<string, number>;

export type SearchHit = ProductSummary & {
  categoryId: number;
  score?: number;
  breakdown?: RankingBreakdown;
};

export type CategoryFacet = { slug: string; path: string; name: string; count: number };
export type PriceRangeFacet = { minCents: number; maxCents: number | null; count: number };
export type AttributeFacet = { key: string; values: { value: string; count: number }[] };
export type RatingFacet = { min: number; count: number };

export type SearchFacets = {
  categories: CategoryFacet[];
  priceRanges: PriceRangeFacet[];
  attributes: AttributeFacet[];
  ratings: RatingFacet[];
  inStock: number;
  /** False when counts are estimates, scaled from the first RECALL_LIMIT matches. */
  exact: boolean;
};

export type CategoryRef = { id: number; slug: string; path: string; name: string };

export type SearchResponse = {
  results: SearchHit[];
  facets: SearchFacets;
  total: number;
  totalExact: boolean;
  page: number;
  perPage: number;
  nextPage: number | null;
  pageCount: number;
  query: {
    q: string;
    normalized: string;
    /** Set when nothing matched as typed and these corrected words were searched instead. */
    searchedInstead: string | null;
    didYouMean: string | null;
    categoryIntent: CategoryRef | null;
  };
  category: CategoryRef | null;
  sort: SearchSort;
  engine: SearchEngine["name"];
  tookMs: number;
};
