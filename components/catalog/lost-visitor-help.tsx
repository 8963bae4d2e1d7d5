import Link from "next/link";

import { listPopularCategories } from "@/lib/catalog/list-popular-categories";

/** What a visitor who didn't find a page can do next: search, a popular category, or the home page. */
export async function LostVisitorHelp({ query = "" }: { query?: string }) {
  // A help block, not the page's point: without the database (a build with none) it is left out.
  const categories = await listPopularCategories(6).catch(() => []);
  return (
    <div className="mt-8 space-y-8 text-left">
      <form action="/search" method="get" role="search" aria-label="Search the marketplace" className="flex gap-2">
        <label htmlFor="lost-search" className="sr-only">
          Search the marketplace
        </label>
        <input
          id="lost-search"
          name="q"
          type="search"
          defaultValue={query}
          maxLength={200}
          placeholder="What are you looking for?"
          className="w-full rounded-md border border-gray-300 px-3 py-2 text-sm focus:border-brand-500"
        />
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white">
          Search
        </button>
      </form>
      {categories.length ? (
        <section aria-labelledby="popular-categories">
          <h2 id="popular-categories" className="mb-3 font-semibold">
            Popular categories
          </h2>
          <ul className="flex flex-wrap gap-2">
            {categories.map((c) => (
              <li key={c.path}>
                <Link
                  href={`/c/${c.path}`}
                  className="inline-block rounded-full border border-gray-300 bg-white px-3 py-1.5 text-sm hover:border-brand-500"
                >
                  {c.name}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="text-center">
        <Link href="/" className="font-medium text-brand-700 underline">
          Back to the home page
        </Link>
      </p>
    </div>
  );
}
