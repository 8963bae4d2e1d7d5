// The search service behind the API and the results page, the same for both engines, along
// its data path: understand the query (query/), let the engine recall candidates, rewriting
// the words while they find nothing (query/recall-candidates.ts), re-rank (rank/), hydrate one
// page and log impressions (results/, events/). It only reads the index: the worker's outbox
// indexer (indexing/) keeps it in step.
import { cachedEngineQuery } from "./engines/engine-result-cache";
import { getSearchEngine } from "./engines/get-search-engine";
import { recordSearchImpressions } from "./events/record-search-impressions";
import { buildEngineQuery } from "./query/build-engine-query";
import { loadCategoryLookup } from "./query/load-category-lookup";
import { loadSynonyms } from "./query/load-synonyms";
import { recallCandidates } from "./query/recall-candidates";
import { understandQuery } from "./query/understand-query";
import { prefetchRankingSignals } from "./rank/prefetch-ranking-signals";
import { rankPage } from "./rank/rank-page";
import { buildSearchResponse } from "./results/build-search-response";
import { hydrateHits } from "./results/hydrate-hits";
import type { EngineResult, SearchEngine, SearchRequest, SearchResponse } from "./search-types";

export type SearchViewer = { userId: string | null; isAdmin: boolean };

const NO_RESULTS: EngineResult = { candidates: [], total: 0, totalExact: true, facets: null };

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

  // Ranking inputs that do not depend on the engine's answer load while it works.
  const relevance = req.sort === "relevance";
  const signals = prefetchRankingSignals({ relevance, text: normalized.text, userId: viewer.userId });
  const offset = (req.page - 1) * req.perPage;
  const recall = await recallCandidates({
    query: (q) => (opts.cache === false ? engine.query(q) : cachedEngineQuery(engine, q)),
    base: buildEngineQuery(req, understood),
    tokens: normalized.tokens,
    text: normalized.text,
    groups: understood.groups,
    synonyms: synonyms.map,
  });

  const pageItems = relevance
    ? rankPage({
        candidates: recall.result.candidates,
        signals: await signals.forText(recall.text),
        text: recall.text,
        groups: recall.groups,
        intentPath: understood.intent?.path ?? null,
        offset,
        perPage: req.perPage,
      })
    : recall.result.candidates;
  const hits = await hydrateHits(pageItems, { debug: req.debug && viewer.isAdmin });
  recordSearchImpressions({ text: recall.text, page: req.page, offset, userId: viewer.userId, hits });
  return respond({
    result: recall.result,
    hits,
    searchedInstead: recall.searchedInstead,
    didYouMean: recall.didYouMean,
  });
}
