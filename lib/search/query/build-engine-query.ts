import { RECALL_LIMIT } from "../search-config";
import type { EngineQuery, SearchRequest } from "../search-types";
import type { UnderstoodQuery } from "./understand-query";

/**
 * What every engine query of one search shares (filters, sort, window), whatever words a
 * rewrite tries. Relevance recalls the best candidates for ranking here; other sorts page in
 * the engine. Past the search's reach nothing is served; the count and facets still come back.
 */
export function buildEngineQuery(
  req: SearchRequest,
  understood: Pick<UnderstoodQuery, "category" | "reach">,
): Omit<EngineQuery, "text" | "groups"> {
  const offset = (req.page - 1) * req.perPage;
  const window: EngineQuery["window"] =
    offset >= understood.reach
      ? { kind: "recall", limit: 0 }
      : req.sort === "relevance"
        ? { kind: "recall", limit: RECALL_LIMIT }
        : { kind: "page", offset, limit: req.perPage };
  const { priceMinCents, priceMaxCents, ratingMin, inStock, attributes } = req.filters;
  const filters = {
    priceMinCents,
    priceMaxCents,
    ratingMin,
    inStock,
    attributes,
    categoryPath: understood.category?.path,
  };
  return { filters, sort: req.sort, window, facets: true, fuzzy: false };
}
