import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { notFound } from "next/navigation";

import { CategoryBreadcrumbs } from "@/components/catalog/category-breadcrumbs";
import { CARD_SIZES, ProductCard } from "@/components/catalog/product-card";
import { FacetPanel } from "@/components/search/facet-panel";
import { FilterChips } from "@/components/search/filter-chips";
import { SearchFacets } from "@/components/search/search-facets";
import { SortSelect } from "@/components/search/sort-select";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { browseProducts, PAGE_SIZE, ZBrowseQuery } from "@/lib/catalog/browse-products";
import { listCategories } from "@/lib/catalog/list-categories";
import { LISTING_SORTS } from "@/lib/catalog/listing-sorts";
import { parseSearchParams } from "@/lib/search/parse-search-params";
import { searchProducts } from "@/lib/search/search-products";
import { searchHref, searchParamsOf, type SearchState } from "@/lib/search/search-url";

type Props = {
  params: Promise<{ path: string[] }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function findCategory(path: string[]) {
  const all = await listCategories();
  const joined = path.join("/");
  const category = all.find((c) => c.path === joined);
  return { category, children: category ? all.filter((c) => c.parentId === category.id) : [] };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { category } = await findCategory((await params).path);
  return { title: category?.name ?? "Category not found" };
}

export default async function CategoryPage({ params, searchParams }: Props) {
  const { path } = await params;
  const { category, children } = await findCategory(path);
  if (!category) notFound();
  const raw = await searchParams;
  const query = ZBrowseQuery.parse({ sort: raw.sort, page: raw.page, category: category.slug });
  const base = `/c/${category.path}`;
  // The search's own filters and facets (price ranges, rating, availability, attributes),
  // scoped to this category; their links stay on this page (basePath).
  const filters = { ...parseSearchParams(raw, { strict: false }).request.filters, category: category.slug };
  const state: SearchState = { q: "", filters, sort: query.sort, page: query.page, basePath: base };
  const filtered =
    filters.priceMinCents != null ||
    filters.priceMaxCents != null ||
    filters.ratingMin != null ||
    Boolean(filters.inStock) ||
    Object.keys(filters.attributes).length > 0;
  // Facets only: one hit is read (the counts and facets are cached apart from the pages).
  const search = (page: number, perPage: number) =>
    searchProducts({ q: "", filters, sort: query.sort, page, perPage, debug: false }, { userId: null, isAdmin: false });
  // Unfiltered, the page is a walk of the live-listing indexes (browseProducts) and search only
  // counts the facets (cached); filtered, search answers both.
  const [browsed, searched] = await Promise.all([
    filtered ? null : browseProducts(query),
    filtered ? search(query.page, PAGE_SIZE) : search(1, 1),
  ]);
  const result = browsed ?? {
    products: searched.results,
    total: searched.total,
    totalExact: searched.totalExact,
    page: searched.page,
    pageCount: searched.pageCount,
  };
  const activeFilters =
    [filters.priceMinCents ?? filters.priceMaxCents, filters.ratingMin, filters.inStock].filter((x) => x != null)
      .length + Object.values(filters.attributes).flat().length;
  const sortHidden = [...searchParamsOf({ ...state, sort: "relevance", page: 1 }).entries()];
  const link = (page: number) => searchHref(state, { page });
  return (
    <div>
      <CategoryBreadcrumbs path={category.path} current />
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{category.name}</h1>
          <p className="text-sm text-muted" role="status">
            {result.total.toLocaleString("en-US")}
            {result.totalExact ? "" : "+"} products
          </p>
        </div>
        <Form action={base} className="flex items-center gap-2 text-sm">
          {sortHidden.map(([k, v], i) => (
            <input key={`${k}-${i}`} type="hidden" name={k} value={v} />
          ))}
          <label htmlFor="search-sort">Sort by</label>
          <SortSelect key={query.sort} value={query.sort} options={[...LISTING_SORTS]} />
          {/* The select submits itself; the button is for browsers without JavaScript. */}
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
      {children.length > 0 ? (
        <ul className="mb-6 flex flex-wrap gap-2" aria-label="Subcategories">
          {children.map((c) => (
            <li key={c.id}>
              <Link
                href={`/c/${c.path}`}
                className="inline-block rounded-full border border-gray-300 bg-white px-3 py-1.5 text-sm hover:border-brand-500"
              >
                {c.name}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      <FilterChips state={state} categoryName={category.name} />
      <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
        <aside>
          <FacetPanel activeCount={activeFilters}>
            <SearchFacets state={state} facets={searched.facets} categoryTrail={[]} />
          </FacetPanel>
        </aside>
        <div>
          {result.products.length === 0 ? (
            <EmptyState>
              {filtered ? "No products in this category match these filters." : "No products in this category yet."}
            </EmptyState>
          ) : (
            <div className="grid grid-cols-2 gap-4 sm:grid-cols-3 xl:grid-cols-4">
              {result.products.map((p, i) => (
                <ProductCard key={p.id} product={p} priority={i < 4} sizes={CARD_SIZES.besideFilters} />
              ))}
            </div>
          )}
          <Pagination page={result.page} pageCount={result.pageCount} href={link} className="mt-8" />
        </div>
      </div>
    </div>
  );
}
