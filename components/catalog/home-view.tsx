import Link from "next/link";

import { ProductCard } from "@/components/catalog/product-card";
import { RecommendationBlocks } from "@/components/recommendations/recommendation-blocks";
import { listStorefrontHome } from "@/lib/catalog/list-storefront-home";

/** The home page's content: the same for everyone, so signed-out visitors get it from the page cache. */
export async function HomeView() {
  const { categories, featured, newest } = await listStorefrontHome();
  return (
    <div className="space-y-10">
      <section className="rounded-2xl bg-gradient-to-r from-brand-700 to-brand-500 px-6 py-10 text-white sm:px-10">
        <h1 className="text-3xl font-extrabold tracking-tight sm:text-4xl">Shop independent sellers, safely</h1>
        <p className="mt-3 max-w-xl text-brand-50">
          One cart across every shop. Your money is held until you confirm delivery, then the seller is paid.
        </p>
        <Link
          href="/search"
          className="mt-6 inline-flex rounded-md bg-white px-5 py-2.5 text-sm font-semibold text-brand-700 hover:bg-brand-50"
        >
          Browse all products
        </Link>
      </section>

      {/* Picked for you (signed in) and recently viewed: personal, so read in the browser (the home page is cached). */}
      <RecommendationBlocks page="home" />

      {categories.length > 0 ? (
        <section aria-labelledby="categories-heading">
          <h2 id="categories-heading" className="mb-3 text-lg font-bold">
            Shop by category
          </h2>
          <ul className="flex flex-wrap gap-2">
            {categories.map((c) => (
              <li key={c.id}>
                <Link
                  href={`/c/${c.path}`}
                  className="inline-block rounded-full border border-gray-300 bg-white px-4 py-2 text-sm font-medium hover:border-brand-500 hover:text-brand-700"
                >
                  {c.name}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {featured.length > 0 ? (
        <section aria-labelledby="featured-heading">
          <h2 id="featured-heading" className="mb-3 text-lg font-bold">
            Featured
          </h2>
          <div className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
            {featured.map((p, i) => (
              <ProductCard key={p.id} product={p} priority={i < 4} />
            ))}
          </div>
        </section>
      ) : null}

      <section aria-labelledby="newest-heading">
        <h2 id="newest-heading" className="mb-3 text-lg font-bold">
          New arrivals
        </h2>
        {newest.length === 0 ? (
          <p className="text-muted">No products yet. Sellers are setting up shop.</p>
        ) : (
          <div className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
            {newest.map((p) => (
              <ProductCard key={p.id} product={p} />
            ))}
          </div>
        )}
      </section>
    </div>
  );
}
