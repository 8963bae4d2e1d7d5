import { RECALL_LIMIT, RESULT_WINDOW } from "../search-config";
import type { CategoryRef, SearchRequest, TokenGroup } from "../search-types";
import { detectCategoryIntent, type CategoryLookup } from "./category-intent";
import { expandSynonyms, type SynonymMap } from "./expand-synonyms";
import { normalizeQuery, type NormalizedQuery } from "./normalize-query";

export type UnderstoodQuery = {
  normalized: NormalizedQuery;
  /** The words with their synonyms, as the engine is asked for them. */
  groups: TokenGroup[];
  /** The category filtered on, when the request names one that exists. */
  category: CategoryRef | null;
  /** The request filters on a category slug that does not exist: nothing can match. */
  unknownCategory: boolean;
  /** The category the words name, boosted in ranking (none when already filtered on or inside it). */
  intent: CategoryRef | null;
  /** How deep this search can page: past it nothing is served (the count and facets still come back). */
  reach: number;
};

/**
 * What a search request asks for, before any engine sees it: the normalized words and their
 * synonyms, the category filtered on and the one the words name, and how deep it can page.
 */
export function understandQuery(req: SearchRequest, lookup: CategoryLookup, synonyms: SynonymMap): UnderstoodQuery {
  const normalized = normalizeQuery(req.q);
  const category = req.filters.category ? (lookup.bySlug.get(req.filters.category) ?? null) : null;
  const intentRaw = normalized.tokens.length ? detectCategoryIntent(normalized.tokens, lookup) : null;
  // A category already filtered on (or inside the one named) needs no boost.
  const intent = intentRaw && !(category && category.path.startsWith(intentRaw.path)) ? intentRaw : null;
  // Relevance, and any order of a query's matches, pages through the recalled candidates;
  // browsing by price, date or rating pages through everything up to the result window.
  const pooled = req.sort === "relevance" || normalized.tokens.length > 0;
  return {
    normalized,
    groups: expandSynonyms(normalized.tokens, synonyms),
    category,
    unknownCategory: Boolean(req.filters.category) && !category,
    intent,
    reach: pooled ? RECALL_LIMIT : RESULT_WINDOW,
  };
}
