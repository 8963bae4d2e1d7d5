import Link from "next/link";
import { ProductCard } from "@/components/catalog/product-card";
import { browseProducts, ZBrowseQuery, type TBrowseQuery } from "@/lib/catalog/browse-products";

export const metadata = { title: "Search" };

const SORTS: { value: TBrowseQuery["sort"]; label: string }[] = [
  { value: "newest", label: "Newest" },
  { value: "price_asc", label: "Price: low to high" },
  { value: "price_desc", label: "Price: high to low" },
  { value: "rating", label: "Top rated" },
];

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const query = ZBrowseQuery.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const result = await browseProducts(query);
  const link = (page: number) => `/search?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), ...(query.category ? { category: query.category } : {}), sort: query.sort, page: String(page) })}`;
  const heading = query.q ? `Results for “${query.q}”` : result.categoryName ?? "All products";
  return (
    <div>
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{heading}</h1>
          <p className="text-sm text-muted">{result.total.toLocaleString("en-US")} {result.total === 1 ? "product" : "products"}</p>
        </div>
        <form method="get" className="flex items-center gap-2 text-sm">
          {query.q ? <input type="hidden" name="q" value={query.q} /> : null}
          {query.category ? <input type="hidden" name="category" value={query.category} /> : null}
          <label htmlFor="sort">Sort by</label>
          <select id="sort" name="sort" defaultValue={query.sort} className="rounded-md border border-gray-300 px-2 py-1.5">
            {SORTS.map((s) => (
              <option key={s.value} value={s.value}>{s.label}</option>
            ))}
          </select>
          <button type="submit" className="rounded-md border border-gray-300 bg-white px-3 py-1.5 font-medium hover:bg-gray-50">Apply</button>
        </form>
      </div>
      {result.products.length === 0 ? (
        <div className="rounded-lg border border-dashed border-gray-300 bg-white p-10 text-center">
          <p className="font-medium">No products match.</p>
          <p className="mt-1 text-sm text-muted">Try fewer or different words, or <Link href="/search" className="text-brand-700 underline">browse everything</Link>.</p>
        </div>
      ) : (
        <div className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
          {result.products.map((p) => (
            <ProductCard key={p.id} product={p} />
          ))}
        </div>
      )}
      {result.pageCount > 1 ? (
        <nav aria-label="Pages" className="mt-8 flex items-center justify-center gap-4 text-sm">
          {result.page > 1 ? <Link href={link(result.page - 1)} className="rounded-md border bg-white px-3 py-1.5">Previous</Link> : null}
          <span>Page {result.page} of {result.pageCount}</span>
          {result.page < result.pageCount ? <Link href={link(result.page + 1)} className="rounded-md border bg-white px-3 py-1.5">Next</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
