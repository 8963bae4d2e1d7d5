import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { CategoryBreadcrumbs } from "@/components/catalog/category-breadcrumbs";
import { ProductCard } from "@/components/catalog/product-card";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { SortSelect } from "@/components/ui/sort-select";
import { browseProducts, ZBrowseQuery } from "@/lib/catalog/browse-products";
import { listCategories } from "@/lib/catalog/list-categories";
import { LISTING_SORTS } from "@/lib/catalog/listing-sorts";

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
  const result = await browseProducts(query);
  const base = `/c/${category.path}`;
  const link = (page: number) => `${base}?${new URLSearchParams({ sort: query.sort, page: String(page) })}`;
  return (
    <div>
      <CategoryBreadcrumbs path={category.path} current />
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{category.name}</h1>
          <p className="text-sm text-muted">
            {result.total.toLocaleString("en-US")}
            {result.totalExact ? "" : "+"} products
          </p>
        </div>
        <form method="get" className="flex items-center gap-2 text-sm">
          <SortSelect
            id="sort"
            value={query.sort}
            options={LISTING_SORTS}
            inline
            className="rounded-md border border-gray-300 px-2 py-1.5"
          />
          <button
            type="submit"
            className="rounded-md border border-gray-300 bg-white px-3 py-1.5 font-medium hover:bg-gray-50"
          >
            Apply
          </button>
        </form>
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
      {result.products.length === 0 ? (
        <EmptyState>No products in this category yet.</EmptyState>
      ) : (
        <div className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
          {result.products.map((p) => (
            <ProductCard key={p.id} product={p} />
          ))}
        </div>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} href={link} className="mt-8" />
    </div>
  );
}
