// The search service behind the API and the results page, the same for both engines:
// understand the query (normalize, synonyms, category intent, spelling), let the engine
// recall and filter, re-rank (ranking-weights.ts), hydrate one page and log impressions.
import { cachedEngineQuery } from "./engines/engine-result-cache";
import { getSearchEngine } from "./engines/get-search-engine";
import { recordSearchEvents } from "./events/search-event-log";
import { detectCategoryIntent } from "./query/category-intent";
import { checkSpelling } from "./query/did-you-mean";
import { expandSynonyms } from "./query/expand-synonyms";
import { loadCategoryLookup } from "./query/load-category-lookup";
import { loadSynonyms } from "./query/load-synonyms";
import { normalizeQuery } from "./query/normalize-query";
import { loadBuyerProfile } from "./rank/buyer-profile";
import { loadCategoryMedians, loadQueryStats } from "./rank/load-ranking-signals";
import { rerankCandidates, type RankedCandidate } from "./rank/ranking-weights";
import { buildFacets } from "./results/build-facets";
import { hydrateResults } from "./results/hydrate-results";
import { DID_YOU_MEAN_BELOW, RECALL_LIMIT, RESULT_WINDOW } from "./search-config";
import type {
  CategoryRef,
  EngineQuery,
  EngineResult,
  SearchCandidate,
  SearchEngine,
  SearchHit,
  SearchRequest,
  SearchResponse,
} from "./search-types";

export type SearchViewer = { userId: string | null; isAdmin: boolean };

/** Impressions are logged for the first pages only: that is where ranking decisions show. */
const LOGGED_PAGES = 3;

const ref = (c: CategoryRef): CategoryRef => ({ id: c.id, slug: c.slug, path: c.path, name: c.name });

/** Runs a search for a buyer (or a visitor). */
export async function searchProducts(
  req: SearchRequest,
  viewer: SearchViewer,
  opts: { engine?: SearchEngine; cache?: boolean } = {},
): Promise<SearchResponse> {
  const started = performance.now();
  const engine = opts.engine ?? getSearchEngine();
  const [lookup, synonyms] = await Promise.all([loadCategoryLookup(), loadSynonyms()]);
  const normalized = normalizeQuery(req.q);
  const offset = (req.page - 1) * req.perPage;
  const category = req.filters.category ? (lookup.bySlug.get(req.filters.category) ?? null) : null;
  const intentRaw = normalized.tokens.length ? detectCategoryIntent(normalized.tokens, lookup) : null;
  // A category already filtered on (or inside the one named) needs no boost.
  const intent = intentRaw && !(category && category.path.startsWith(intentRaw.path)) ? intentRaw : null;

  // Relevance, and any order of a query's matches, pages through the recalled candidates;
  // browsing by price, date or rating pages through everything up to the result window.
  // Past that nothing is served; the count and facets still come back.
  const pooled = req.sort === "relevance" || normalized.tokens.length > 0;
  const beyond = offset >= (pooled ? RECALL_LIMIT : RESULT_WINDOW);

  const respond = (
    r: EngineResult,
    hits: SearchHit[],
    extra: { text: string; searchedInstead: string | null; didYouMean: string | null },
  ): SearchResponse => {
    const reachable = Math.min(r.total, pooled ? RECALL_LIMIT : RESULT_WINDOW);
    const pageCount = Math.ceil(reachable / req.perPage);
    return {
      results: hits,
      facets: buildFacets(r.facets, lookup, category, req.filters.attributes, r.totalExact),
      total: r.total,
      totalExact: r.totalExact,
      page: req.page,
      perPage: req.perPage,
      nextPage: req.page < pageCount ? req.page + 1 : null,
      pageCount,
      query: {
        q: req.q,
        normalized: normalized.text,
        searchedInstead: extra.searchedInstead,
        didYouMean: extra.didYouMean,
        categoryIntent: intent ? ref(intent) : null,
      },
      category: category ? ref(category) : null,
      sort: req.sort,
      engine: engine.name,
      tookMs: Math.round(performance.now() - started),
    };
  };

  const none: EngineResult = { candidates: [], total: 0, totalExact: true, facets: null };
  if (req.filters.category && !category)
    return respond(none, [], { text: normalized.text, searchedInstead: null, didYouMean: null });

  const window: EngineQuery["window"] = beyond
    ? { kind: "recall", limit: 0 }
    : req.sort === "relevance"
      ? { kind: "recall", limit: RECALL_LIMIT }
      : { kind: "page", offset, limit: req.perPage };
  const { priceMinCents, priceMaxCents, ratingMin, inStock, attributes } = req.filters;
  const filters = { priceMinCents, priceMaxCents, ratingMin, inStock, attributes, categoryPath: category?.path };
  const base = { filters, sort: req.sort, window, facets: true, fuzzy: false };

  // Ranking inputs that do not depend on the engine's answer load while it works.
  const relevance = req.sort === "relevance";
  const statsEarly = relevance ? loadQueryStats(normalized.text) : Promise.resolve(new Map());
  const mediansEarly = relevance ? loadCategoryMedians() : Promise.resolve(new Map<number, number>());
  const profileEarly = relevance && viewer.userId ? loadBuyerProfile(viewer.userId) : Promise.resolve(null);
  for (const p of [statsEarly, mediansEarly, profileEarly]) p.catch(() => {});
  const query = (q: EngineQuery) => (opts.cache === false ? engine.query(q) : cachedEngineQuery(engine, q));
  let text = normalized.text;
  let groups = expandSynonyms(normalized.tokens, synonyms.map);
  let result = await query({ ...base, text, groups });
  let searchedInstead: string | null = null;
  let didYouMean: string | null = null;

  if (normalized.tokens.length && result.total < DID_YOU_MEAN_BELOW) {
    const { corrected, unknown } = await checkSpelling(normalized.tokens);
    // A word still being typed ("sneak"): try the last one as the start of longer words.
    const last = normalized.tokens[normalized.tokens.length - 1];
    if (result.total === 0 && (unknown.has(last) || last.length < 3))
      result = await query({ ...base, text, groups, prefix: true });
    if (corrected && result.total === 0) {
      // Nothing as typed: search the corrected words instead and say so.
      const correctedGroups = expandSynonyms(corrected, synonyms.map);
      const retry = await query({ ...base, text: corrected.join(" "), groups: correctedGroups });
      if (retry.total > 0) {
        result = retry;
        text = corrected.join(" ");
        groups = correctedGroups;
        searchedInstead = text;
      }
    } else if (corrected) didYouMean = corrected.join(" ");
    // Still nothing: keep only the words the catalogue knows ("headphones 1 xq" → "headphones").
    const known = normalized.tokens.filter((t) => t.length >= 3 && !/^\d+$/.test(t) && !unknown.has(t));
    if (result.total === 0 && known.length > 0 && known.length < normalized.tokens.length) {
      const knownGroups = expandSynonyms(known, synonyms.map);
      const retry = await query({ ...base, text: known.join(" "), groups: knownGroups });
      if (retry.total > 0) {
        result = retry;
        text = known.join(" ");
        groups = knownGroups;
        searchedInstead = text;
      }
    }
    // Trigram matching over titles is for garbled words; known words that simply do not occur together skip it.
    if (result.total === 0 && unknown.size > 0) {
      const fuzzy = await query({ ...base, text, groups, fuzzy: true });
      if (fuzzy.total > 0) result = fuzzy;
    }
  }

  let pageItems: (SearchCandidate & Partial<Pick<RankedCandidate, "score" | "breakdown">>)[];
  if (req.sort === "relevance") {
    const [stats, categoryMedians, profile] = await Promise.all([
      text === normalized.text ? statsEarly : loadQueryStats(text),
      mediansEarly,
      profileEarly,
    ]);
    const ranked = rerankCandidates(result.candidates, {
      text,
      groups,
      now: new Date(),
      stats,
      categoryMedians,
      intentPath: intent?.path ?? null,
      profile,
    });
    pageItems = ranked.slice(offset, offset + req.perPage);
  } else pageItems = result.candidates;

  const cards = await hydrateResults(pageItems.map((c) => c.productId));
  const debug = req.debug && viewer.isAdmin;
  const hits: SearchHit[] = [];
  for (const c of pageItems) {
    const card = cards.get(c.productId);
    if (!card) continue;
    hits.push(debug && c.score !== undefined ? { ...card, score: c.score, breakdown: c.breakdown } : card);
  }

  if (text && req.page <= LOGGED_PAGES && hits.length) {
    recordSearchEvents(
      hits.map((h, i) => ({
        kind: "impression",
        query: text,
        userId: viewer.userId,
        productId: h.id,
        position: offset + i + 1,
      })),
    );
  }
  return respond(result, hits, { text, searchedInstead, didYouMean });
}
