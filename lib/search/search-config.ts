// Limits of the search service: every request is bounded by these, whatever it asks for.

/** Results per page unless the request asks otherwise, and the most it may ask for. */
export const DEFAULT_PER_PAGE = 24;
export const MAX_PER_PAGE = 48;
/** Pages beyond this are refused (400); pages inside it but past the result window are empty. */
export const MAX_PAGE = 1000;
/** How deep anyone can page: results past this offset are never served (refine instead). */
export const RESULT_WINDOW = 10_000;
/** Candidates recalled by text relevance and re-ranked (design deep dive 1: "top 1000"). */
export const RECALL_LIMIT = 1000;
/** Matches ranked by text relevance before the recall cut, so a very common word stays cheap. */
export const RECALL_POOL = 10_000;
/** Totals are counted exactly up to this, then reported as "at least"; facets count the same set. */
export const COUNT_CAP = 10_000;

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
