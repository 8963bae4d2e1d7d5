import type { CategoryLookup } from "../query/category-intent";
import type { UnderstoodQuery } from "../query/understand-query";
import type {
  CategoryRef,
  EngineResult,
  SearchEngine,
  SearchHit,
  SearchRequest,
  SearchResponse,
} from "../search-types";
import { buildFacets } from "./build-facets";

const ref = (c: CategoryRef): CategoryRef => ({ id: c.id, slug: c.slug, path: c.path, name: c.name });

/** The answer to one search: the page of hits, facets, counts and paging, and how the query was read. */
export function buildSearchResponse(opts: {
  req: SearchRequest;
  understood: UnderstoodQuery;
  lookup: CategoryLookup;
  result: EngineResult;
  hits: SearchHit[];
  searchedInstead: string | null;
  didYouMean: string | null;
  engine: SearchEngine["name"];
  tookMs: number;
}): SearchResponse {
  const { req, understood, result: r } = opts;
  const { category, intent } = understood;
  const pageCount = Math.ceil(Math.min(r.total, understood.reach) / req.perPage);
  return {
    results: opts.hits,
    facets: buildFacets(r.facets, opts.lookup, category, req.filters.attributes, r.totalExact),
    total: r.total,
    totalExact: r.totalExact,
    page: req.page,
    perPage: req.perPage,
    nextPage: req.page < pageCount ? req.page + 1 : null,
    pageCount,
    query: {
      q: req.q,
      normalized: understood.normalized.text,
      searchedInstead: opts.searchedInstead,
      didYouMean: opts.didYouMean,
      categoryIntent: intent ? ref(intent) : null,
    },
    category: category ? ref(category) : null,
    sort: req.sort,
    engine: opts.engine,
    tookMs: opts.tookMs,
  };
}
