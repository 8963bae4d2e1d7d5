import "server-only";

import { canonicalFilters } from "../query/canonical-filters";
import { searchCache } from "../search-cache";
import { COUNTS_CACHE_SECONDS } from "../search-config";
import type { EngineQuery, EngineResult, RawFacets, SearchEngine } from "../search-types";

type Counts = { total: number; totalExact: boolean; facets: RawFacets | null };

/**
 * The engine's answer, with the counts and facets of what it matches shared by every web
 * process (search-cache.ts): they depend only on the words and filters, not on the sort, the
 * page or who asks, so another page or order of a popular query skips the facet counting and
 * the match estimate. The results themselves are cached a level up (search-products.ts).
 */
export async function cachedEngineQuery(
  engine: Pick<SearchEngine, "name" | "query">,
  q: EngineQuery,
): Promise<EngineResult> {
  if (!q.facets) return engine.query(q);
  const cache = searchCache();
  const key = cache.key("counts", [
    engine.name,
    q.text,
    q.groups,
    q.fuzzy,
    q.prefix ?? false,
    canonicalFilters(q.filters),
  ]);
  const {
    generation,
    values: [hit],
  } = await cache.read<Counts>([key]);
  if (hit) {
    const r = await engine.query({ ...q, facets: false, countMatches: false });
    return { ...r, total: hit.total, totalExact: hit.totalExact, facets: hit.facets };
  }
  const r = await engine.query(q);
  const counts: Counts = { total: r.total, totalExact: r.totalExact, facets: r.facets };
  cache.write(generation, key, counts, COUNTS_CACHE_SECONDS);
  return r;
}
