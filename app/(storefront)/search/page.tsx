import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";

import { CARD_SIZES, ProductCard } from "@/components/catalog/product-card";
import { FacetPanel } from "@/components/search/facet-panel";
import { FilterChips } from "@/components/search/filter-chips";
import { ResultClickTracker } from "@/components/search/result-click-tracker";
import { ScoreBreakdown } from "@/components/search/score-breakdown";
import { SearchFacets } from "@/components/search/search-facets";
import { SearchPagination } from "@/components/search/search-pagination";
import { SortSelect } from "@/components/search/sort-select";
import { getCurrentUser } from "@/lib/auth/current-user";
import { actsAsAdmin } from "@/lib/auth/guards";
import { parseSearchParams } from "@/lib/search/parse-search-params";
import { loadCategoryLookup } from "@/lib/search/query/load-category-lookup";
import { searchProducts } from "@/lib/search/search-products";
import type { SearchSort } from "@/lib/search/search-types";
import { searchHref, searchParamsOf, type SearchState } from "@/lib/search/search-url";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const SORTS: { value: SearchSort; label: string }[] = [
  { value: "relevance", label: "Best match" },
  { value: "price_asc", label: "Price: low to high" },
  { value: "price_desc", label: "Price: high to low" },
  { value: "newest", label: "Newest" },
  { value: "rating", label: "Top rated" },
];

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { request } = parseSearchParams(await searchParams, { strict: false });
  return { title: request.q ? `“${request.q}” – Search` : "Search", robots: { index: false } };
}

export default async function SearchPage({ searchParams }: Props) {
  const { request, problems } = parseSearchParams(await searchParams, { strict: false });
  const user = await getCurrentUser();
  const isAdmin = actsAsAdmin(user);
  const [result, lookup] = await Promise.all([
    searchProducts(request, { userId: user?.id ?? null, isAdmin }),
    loadCategoryLookup(),
  ]);
  const state: SearchState = {
    q: request.q,
    filters: request.filters,
    sort: request.sort,
    page: request.page,
    debug: request.debug && isAdmin,
  };
  const trail = result.category
    ? result.category.path
        .split("/")
        .map((_, i, parts) => lookup.byPath.get(parts.slice(0, i + 1).join("/")))
        .filter((c) => c !== undefined)
    : [];
  const heading = request.q ? `Results for “${request.q}”` : (result.category?.name ?? "All products");
  const activeFilters =
    [
      request.filters.category,
      request.filters.priceMinCents ?? request.filters.priceMaxCents,
      request.filters.ratingMin,
      request.filters.inStock,
    ].filter((x) => x != null).length + Object.values(request.filters.attributes).flat().length;
  const sortHidden = [...searchParamsOf({ ...state, sort: "relevance", page: 1 }).entries()];
  const totalLabel = `${result.total.toLocaleString("en-US")}${result.totalExact ? "" : "+"} ${result.total === 1 ? "product" : "products"}`;
  const firstPosition = (result.page - 1) * result.perPage + 1;

  return (
    <div>
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{heading}</h1>
          <p className="text-sm text-muted" role="status">
            {totalLabel}
            {result.category && request.q ? ` in ${result.category.name}` : ""}
          </p>
        </div>
        <Form action="/search" className="flex items-center gap-2 text-sm">
          {sortHidden.map(([k, v], i) => (
            <input key={`${k}-${i}`} type="hidden" name={k} value={v} />
          ))}
          <label htmlFor="search-sort">Sort by</label>
          <SortSelect key={request.sort} value={request.sort} options={SORTS} />
          <noscript>
            <button
              type="submit"
              className="rounded-md border border-gray-300 bg-white px-3 py-1.5 font-medium hover:bg-gray-50"
            >
              Apply
            </button>
          </noscript>
        </Form>
      </div>

      {result.query.searchedInstead ? (
        <p className="mb-3 text-sm">
          No results for “{request.q}”. Showing results for <strong>“{result.query.searchedInstead}”</strong> instead.
        </p>
      ) : null}
      {result.query.didYouMean ? (
        <p className="mb-3 text-sm">
          Did you mean{" "}
          <Link
            href={searchHref(state, { q: result.query.didYouMean })}
            className="font-semibold text-brand-700 underline"
          >
            {result.query.didYouMean}
          </Link>
          ?
        </p>
      ) : null}
      {result.query.categoryIntent && !request.filters.category ? (
        <p className="mb-3 text-sm">
          Looking for {result.query.categoryIntent.name.toLowerCase()}?{" "}
          <Link
            href={searchHref(state, { filters: { category: result.query.categoryIntent.slug } })}
            className="font-semibold text-brand-700 underline"
          >
            Show only {result.query.categoryIntent.name}
          </Link>
        </p>
      ) : null}
      {problems.length ? (
        <p className="mb-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Some parts of this link were ignored: {problems.join("; ")}.
        </p>
      ) : null}

      <FilterChips state={state} categoryName={result.category?.name ?? null} />

      <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
        <aside>
          <FacetPanel activeCount={activeFilters}>
            <SearchFacets
              state={state}
              facets={result.facets}
              categoryTrail={trail.map((c) => ({ slug: c.slug, name: c.name }))}
            />
          </FacetPanel>
        </aside>
        <div>
          {result.results.length === 0 ? (
            <div className="rounded-lg border border-dashed border-gray-300 bg-white p-8">
              <p className="font-medium">
                {result.total > 0
                  ? "No more results on this page."
                  : request.q
                    ? `No products match “${request.q}”.`
                    : "No products match these filters."}
              </p>
              <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-muted">
                {request.q ? <li>Check the spelling, or try fewer or more general words.</li> : null}
                {activeFilters ? (
                  <li>
                    <Link
                      href={searchHref({ q: request.q, filters: { attributes: {} }, sort: request.sort, page: 1 })}
                      className="text-brand-700 underline"
                    >
                      Remove all filters
                    </Link>{" "}
                    to widen the search.
                  </li>
                ) : null}
                {result.total > 0 ? (
                  <li>
                    <Link href={searchHref(state, { page: 1 })} className="text-brand-700 underline">
                      Go back to the first page
                    </Link>
                    .
                  </li>
                ) : null}
                <li>
                  Browse a category:{" "}
                  {[...lookup.byPath.values()]
                    .filter((c) => c.depth === 0)
                    .map((c, i) => (
                      <span key={c.slug}>
                        {i > 0 ? ", " : ""}
                        <Link
                          href={searchHref({
                            q: "",
                            filters: { category: c.slug, attributes: {} },
                            sort: "relevance",
                            page: 1,
                          })}
                          className="text-brand-700 underline"
                        >
                          {c.name}
                        </Link>
                      </span>
                    ))}
                </li>
              </ul>
            </div>
          ) : (
            <ResultClickTracker query={result.query.searchedInstead ?? result.query.normalized}>
              <ol className="grid grid-cols-2 gap-4 sm:grid-cols-3 xl:grid-cols-4" aria-label="Search results">
                {result.results.map((p, i) => (
                  <li
                    key={p.id}
                    data-search-product={p.id}
                    data-search-position={firstPosition + i}
                    className="flex flex-col"
                  >
                    <ProductCard product={p} priority={i < 4} sizes={CARD_SIZES.besideFilters} />
                    {p.breakdown && p.score !== undefined ? (
                      <ScoreBreakdown score={p.score} breakdown={p.breakdown} />
                    ) : null}
                  </li>
                ))}
              </ol>
            </ResultClickTracker>
          )}
          <SearchPagination state={state} page={result.page} pageCount={result.pageCount} />
        </div>
      </div>
    </div>
  );
}
