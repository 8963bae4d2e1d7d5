// The search service behind the API and the results page, the same for both engines, along
// its data path: understand the query (query/), let the engine recall candidates, rewriting
// the words while they find nothing (query/recall-candidates.ts), rank them (in the engine's
// own query when it can, ranking-sql.ts; else here, rank/), hydrate one page and log
// impressions (results/, events/). It only reads the index: the worker's outbox indexer
// (indexing/) keeps it in step. A page of results, and the counts and facets of a query, are
// cached for every web process (search-cache.ts; fresh within the bound docs/ARCHITECTURE.md
// states); the cards themselves are always read fresh.
import { cachedEngineQuery } from "./engines/engine-result-cache";
import { getSearchEngine } from "./engines/get-search-engine";
import { recordNoResultsSearch } from "./events/record-no-results-search";
import { recordSearchImpressions } from "./events/record-search-impressions";
import { buildEngineQuery } from "./query/build-engine-query";
import { canonicalFilters } from "./query/canonical-filters";
import { loadCategoryLookup } from "./query/load-category-lookup";
import { loadSynonyms } from "./query/load-synonyms";
import { recallCandidates } from "./query/recall-candidates";
import { understandQuery } from "./query/understand-query";
import { loadBuyerProfile } from "./rank/buyer-profile";
import { prefetchRankingSignals } from "./rank/prefetch-ranking-signals";
import { rankPage } from "./rank/rank-page";
import { buildSearchResponse } from "./results/build-search-response";
import { hydrateHits, type PageItem } from "./results/hydrate-hits";
import { searchCache } from "./search-cache";
import { RESULT_CACHE_SECONDS } from "./search-config";
import type { EngineRanking, EngineResult, SearchEngine, SearchRequest, SearchResponse } from "./search-types";

export type SearchViewer = { userId: string | null; isAdmin: boolean };

const NO_RESULTS: EngineResult = { candidates: [], total: 0, totalExact: true, facets: null };

/** One answered search as the result cache keeps it: the page's ids in order, the counts, and how the words were read. */
type CachedPage = {
  items: PageItem[];
  counts: Omit<EngineResult, "candidates" | "ranked">;
  text: string;
  searchedInstead: string | null;
  didYouMean: string | null;
};

/** Runs a search for a buyer (or a visitor). */
export async function searchProducts(
  req: SearchRequest,
  viewer: SearchViewer,
  opts: { engine?: SearchEngine; cache?: boolean } = {},
): Promise<SearchResponse> {
  const started = performance.now();
  const engine = opts.engine ?? getSearchEngine();
  const [lookup, synonyms] = await Promise.all([loadCategoryLookup(), loadSynonyms()]);
  const understood = understandQuery(req, lookup, synonyms.map);
  const { normalized } = understood;
  const respond = (
    r: Pick<Parameters<typeof buildSearchResponse>[0], "result" | "hits" | "searchedInstead" | "didYouMean">,
  ) =>
    buildSearchResponse({
      req,
      understood,
      lookup,
      ...r,
      engine: engine.name,
      tookMs: Math.round(performance.now() - started),
    });
  if (understood.unknownCategory)
    return respond({ result: NO_RESULTS, hits: [], searchedInstead: null, didYouMean: null });

  const relevance = req.sort === "relevance";
  const debug = req.debug && viewer.isAdmin;
  const offset = (req.page - 1) * req.perPage;
  const intentPath = understood.intent?.path ?? null;
  const base = buildEngineQuery(req, understood);
  const buyer = relevance && viewer.userId ? await loadBuyerProfile(viewer.userId) : null;
  const profile: EngineRanking["profile"] = buyer && {
    categories: [...buyer.categories],
    topCategories: [...buyer.topCategories],
    priceBand: buyer.priceBand,
  };

  // The normalized request (words as normalized, their synonyms, canonical filters, sort,
  // page) and what personalizes it; the admin's debug view (scores shown) is never cached.
  const useCache = opts.cache !== false && !debug;
  const cache = searchCache();
  const pageKey = cache.key("page", [
    engine.name,
    normalized.text,
    understood.groups,
    canonicalFilters(base.filters),
    req.sort,
    req.page,
    req.perPage,
    intentPath,
    profile,
  ]);
  const read = useCache
    ? await cache.read<CachedPage>([pageKey])
    : { generation: "", values: [undefined] as (CachedPage | undefined)[] };
  let page = read.values[0];
  if (!page) {
    // Ranking inputs the engine does not read itself load while it works (engines that rank
    // in their query read the query's history and the category medians there).
    const signals =
      relevance && !engine.ranksInQuery
        ? prefetchRankingSignals({ relevance, text: normalized.text, userId: viewer.userId })
        : null;
    const rank: EngineRanking | undefined =
      relevance && engine.ranksInQuery
        ? { intentPath, profile, nowMs: Date.now(), offset, limit: req.perPage, explain: debug }
        : undefined;
    const recall = await recallCandidates({
      query: (q) => (useCache ? cachedEngineQuery(engine, q) : engine.query(q)),
      base: { ...base, rank },
      tokens: normalized.tokens,
      text: normalized.text,
      groups: understood.groups,
      synonyms: synonyms.map,
    });
    const { candidates, ranked, ...counts } = recall.result;
    const items: PageItem[] =
      !relevance || ranked || candidates.length === 0
        ? candidates
        : rankPage({
            candidates,
            signals: await (
              signals ?? prefetchRankingSignals({ relevance, text: normalized.text, userId: viewer.userId })
            ).forText(recall.text),
            text: recall.text,
            groups: recall.groups,
            intentPath,
            offset,
            perPage: req.perPage,
          });
    page = {
      items: items.map((c) => ({
        productId: c.productId,
        ...(c.score !== undefined ? { score: c.score } : {}),
        ...(debug && c.breakdown ? { breakdown: c.breakdown } : {}),
      })),
      counts,
      text: recall.text,
      searchedInstead: recall.searchedInstead,
      didYouMean: recall.didYouMean,
    };
    if (useCache) cache.write(read.generation, pageKey, page, RESULT_CACHE_SECONDS);
  }

  const hits = await hydrateHits(page.items, { debug });
  recordSearchImpressions({ text: page.text, page: req.page, offset, userId: viewer.userId, hits });
  recordNoResultsSearch({ text: normalized.text, page: req.page, userId: viewer.userId, hits: hits.length });
  return respond({
    result: { candidates: [], ...page.counts },
    hits,
    searchedInstead: page.searchedInstead,
    didYouMean: page.didYouMean,
  });
}
