// Builds search URLs from a request, so every link on the results page (facets, chips, sort,
// pages) is a plain href holding the whole state. Pure: safe in server and client components.
import { ATTRIBUTE_PARAM_PREFIX, DEFAULT_PER_PAGE } from "./search-config";
import type { SearchFilters, SearchRequest } from "./search-types";

export type SearchState = Pick<SearchRequest, "q" | "filters" | "sort" | "page"> & {
  perPage?: number;
  debug?: boolean;
  /**
   * A category page's own path ("/c/home-kitchen"): its facet links stay on it, and its category
   * is in the path rather than a parameter. Unset: /search.
   */
  basePath?: string;
};

/** Where a state's links and GET forms go. */
export const searchPathOf = (state: Pick<SearchState, "basePath">) => state.basePath ?? "/search";

const money = (cents: number) => (cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2));

export function searchParamsOf(state: SearchState): URLSearchParams {
  const p = new URLSearchParams();
  const f = state.filters;
  if (state.q) p.set("q", state.q);
  if (f.category && !state.basePath) p.set("category", f.category);
  if (f.priceMinCents != null) p.set("price_min", money(f.priceMinCents));
  if (f.priceMaxCents != null) p.set("price_max", money(f.priceMaxCents));
  if (f.ratingMin != null) p.set("rating_min", String(f.ratingMin));
  if (f.inStock) p.set("in_stock", "1");
  for (const key of Object.keys(f.attributes).sort())
    for (const v of f.attributes[key]) p.append(`${ATTRIBUTE_PARAM_PREFIX}${key}`, v);
  if (state.sort !== "relevance") p.set("sort", state.sort);
  if (state.page > 1) p.set("page", String(state.page));
  if (state.perPage && state.perPage !== DEFAULT_PER_PAGE) p.set("per_page", String(state.perPage));
  if (state.debug) p.set("debug", "1");
  return p;
}

/** The /search URL for `state` with `change` applied; any filter change goes back to page 1. */
export function searchHref(
  state: SearchState,
  change: { q?: string; filters?: Partial<SearchFilters>; sort?: SearchRequest["sort"]; page?: number } = {},
): string {
  const filtersChanged = change.filters !== undefined || change.q !== undefined || change.sort !== undefined;
  const next: SearchState = {
    ...state,
    q: change.q ?? state.q,
    sort: change.sort ?? state.sort,
    filters: {
      ...state.filters,
      ...change.filters,
      attributes: change.filters?.attributes ?? state.filters.attributes,
    },
    page: change.page ?? (filtersChanged ? 1 : state.page),
  };
  const qs = searchParamsOf(next).toString();
  return qs ? `${searchPathOf(next)}?${qs}` : searchPathOf(next);
}

/** Attributes with one value toggled on or off. */
export function toggleAttribute(
  attributes: Record<string, string[]>,
  key: string,
  value: string,
): Record<string, string[]> {
  const current = attributes[key] ?? [];
  const values = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  const next = { ...attributes };
  if (values.length) next[key] = values;
  else delete next[key];
  return next;
}
