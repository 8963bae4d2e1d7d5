// Limits of the search service: every request is bounded by these, whatever it asks for.

/** Results per page unless the request asks otherwise, and the most it may ask for. */
export const DEFAULT_PER_PAGE = 24;
export const MAX_PER_PAGE = 48;
/** Pages beyond this are refused (400); pages inside it but past the result window are empty. */
export const MAX_PAGE = 1000;
/** How deep browsing (no words) can page in price/date/rating order; results past it are never served. */
export const RESULT_WINDOW = 10_000;
/**
 * Candidates recalled and re-ranked (design deep dive 1: "top 1000"). On PostgreSQL it is also
 * the most rows one search reads: totals and facets are exact below it and estimated above.
 */
export const RECALL_LIMIT = 1000;

/** Longest query accepted; longer ones get a 400 from the API (the header box stops at 200). */
export const MAX_QUERY_CHARS = 200;
/** Words of a query that are searched; the rest are ignored. */
export const MAX_QUERY_TOKENS = 12;
/** Longest word searched; longer "words" are noise (pasted hashes, URLs). */
export const MAX_TOKEN_CHARS = 40;
export const MAX_ATTRIBUTE_FILTERS = 10;
export const MAX_PRICE_CENTS = 100_000_000;

/** Upper bounds (exclusive, cents) of the price-range facet buckets; the last bucket is open. */
export const PRICE_BUCKETS_CENTS = [1_000, 2_500, 5_000, 10_000, 25_000, 50_000] as const;

/** Fewer results than this triggers a "did you mean" lookup. */
export const DID_YOU_MEAN_BELOW = 3;

/** URL parameter prefix of attribute filters: attr.color=Red (repeat for several values). */
export const ATTRIBUTE_PARAM_PREFIX = "attr.";

/** Redis counter of the search index's version; cached searches are served only under the current one (search-cache.ts). */
export const SEARCH_GENERATION_KEY = "search:generation";
/** Seconds a cached page of results, the counts and facets of a query, and a spelling check live (at most). */
export const RESULT_CACHE_SECONDS = 30;
export const COUNTS_CACHE_SECONDS = 120;
export const SPELLING_CACHE_SECONDS = 600;
