import type { EngineQuery, EngineResult, SearchEngine } from "../search-types";

// Popular searches repeat many times a second at peak; each process answers a repeat from
// here for a few seconds instead of asking the engine again. Only the engine's recall is
// cached: ranking by conversion and personalization, and the sellability re-check of every
// shown listing, still run per request. Empty answers are never cached, so a listing that
// just went live is not hidden by an earlier miss.
const TTL_MS = 5_000;
const MAX_ENTRIES = 500;

const g = globalThis as unknown as { searchEngineCache?: Map<string, { at: number; result: EngineResult }> };
const cache = (g.searchEngineCache ??= new Map());

export async function cachedEngineQuery(engine: SearchEngine, q: EngineQuery): Promise<EngineResult> {
  const key = JSON.stringify([
    engine.name,
    q.text,
    q.groups,
    q.fuzzy,
    q.prefix ?? false,
    q.filters,
    q.sort,
    q.window,
    q.facets,
  ]);
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) {
    // Refresh its place in the LRU order.
    cache.delete(key);
    cache.set(key, hit);
    return hit.result;
  }
  const result = await engine.query(q);
  if (result.total > 0) {
    cache.set(key, { at: Date.now(), result });
    if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  } else cache.delete(key);
  return result;
}

/** Testing hook: empty the cache (tests change the index and search again at once). */
export function clearEngineResultCache(): void {
  cache.clear();
}
