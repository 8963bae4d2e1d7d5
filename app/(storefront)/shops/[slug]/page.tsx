import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { ProductCard } from "@/components/catalog/product-card";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalDate } from "@/components/ui/local-time";
import { Pagination } from "@/components/ui/pagination";
import { SortSelect } from "@/components/ui/sort-select";
import { LISTING_SORTS } from "@/lib/catalog/listing-sorts";
import { formatMoney } from "@/lib/money/format-money";
import { getShop, type ShopZone } from "@/lib/sellers/get-shop";
import { listShopProducts, ZShopQuery } from "@/lib/sellers/list-shop-products";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const shop = await getShop((await params).slug);
  return shop
    ? { title: shop.shopName, description: shop.description?.slice(0, 160) ?? `Shop ${shop.shopName}` }
    : { title: "Shop not found" };
}

function zoneRate(z: ShopZone, currency: string): string {
  const first = z.firstItemCents === 0 ? "Free" : formatMoney(z.firstItemCents, currency);
  const more =
    z.additionalItemCents > 0 ? `, ${formatMoney(z.additionalItemCents, currency)} each additional item` : "";
  const free = z.freeOverCents !== null ? `; free over ${formatMoney(z.freeOverCents, currency)}` : "";
  return `${first}${more}${free}`;
}

export default async function ShopPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const shop = await getShop(slug);
  if (!shop) notFound();
  const raw = await searchParams;
  const query = ZShopQuery.parse({ q: raw.q, sort: raw.sort, page: raw.page });
  const result = await listShopProducts(shop.id, query);
  const link = (page: number) =>
    `/shops/${shop.slug}?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), sort: query.sort, page: String(page) })}`;
  const rating = shop.ratingAvg.toFixed(1);
  return (
    <div className="space-y-8">
      <header className="rounded-xl bg-gradient-to-r from-brand-50 to-white p-6 ring-1 ring-gray-200">
        <div className="flex flex-wrap items-start gap-5">
          <div
            aria-hidden
            className="flex h-16 w-16 shrink-0 items-center justify-center rounded-full bg-brand-600 text-2xl font-bold text-white"
          >
            {shop.shopName.slice(0, 1).toUpperCase()}
          </div>
          <div className="min-w-0 flex-1">
            <h1 className="text-2xl font-bold tracking-tight">{shop.shopName}</h1>
            <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-muted">
              <li>
                {shop.ratingCount > 0 ? (
                  <span aria-label={`Rated ${rating} out of 5 from ${shop.ratingCount} reviews`}>
                    <span aria-hidden className="text-amber-600">
                      ★
                    </span>{" "}
                    {rating} ({shop.ratingCount} {shop.ratingCount === 1 ? "review" : "reviews"})
                  </span>
                ) : (
                  "No reviews yet"
                )}
              </li>
              <li>
                {shop.sales.toLocaleString("en-US")} {shop.sales === 1 ? "sale" : "sales"}
              </li>
              <li>
                {shop.liveListings.toLocaleString("en-US")} {shop.liveListings === 1 ? "listing" : "listings"}
              </li>
              <li>
                On the marketplace since <LocalDate iso={shop.memberSince} />
              </li>
            </ul>
            {shop.description ? <p className="mt-3 max-w-3xl whitespace-pre-line text-sm">{shop.description}</p> : null}
          </div>
        </div>
      </header>

      <section aria-labelledby="shop-listings" className="space-y-4">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="shop-listings" className="text-lg font-semibold">
            {query.q ? `Listings matching “${query.q}”` : "Listings"}{" "}
            <span className="text-sm font-normal text-muted">({result.total.toLocaleString("en-US")})</span>
          </h2>
          <form method="get" role="search" aria-label="Shop search" className="flex flex-wrap items-end gap-2 text-sm">
            <div className="flex flex-col gap-1">
              <label htmlFor="shop-q" className="font-medium">
                Search this shop
              </label>
              <input
                id="shop-q"
                name="q"
                type="search"
                defaultValue={query.q}
                maxLength={100}
                className="w-56 rounded-md border border-gray-300 px-2 py-1.5"
              />
            </div>
            <SortSelect id="shop-sort" value={query.sort} options={LISTING_SORTS} />
            <button
              type="submit"
              className="rounded-md border border-gray-300 bg-white px-3 py-1.5 font-medium hover:bg-gray-50"
            >
              Show
            </button>
          </form>
        </div>
        {result.products.length === 0 ? (
          <EmptyState>
            {query.q ? "No listings in this shop match those words." : "This shop has no listings right now."}
          </EmptyState>
        ) : (
          <div className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
            {result.products.map((p) => (
              <ProductCard key={p.id} product={p} />
            ))}
          </div>
        )}
        <Pagination page={result.page} pageCount={result.pageCount} href={link} />
      </section>

      <section aria-labelledby="shop-policies" className="grid gap-6 md:grid-cols-2">
        <h2 id="shop-policies" className="sr-only">
          Policies
        </h2>
        <div>
          <h3 className="mb-2 font-semibold">Shipping</h3>
          {shop.shipping && shop.shipping.zones.length > 0 ? (
            <ul className="space-y-2 text-sm">
              {shop.shipping.zones.map((z) => (
                <li key={z.where}>
                  <span className="font-medium">{z.where}:</span> {zoneRate(z, shop.shipping!.currency)}; arrives in{" "}
                  {z.days.min}–{z.days.max} days
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted">This shop has not set up shipping yet.</p>
          )}
        </div>
        <div>
          <h3 className="mb-2 font-semibold">Returns and your money</h3>
          <p className="text-sm">
            Return an item within {shop.returnWindowDays} days of delivery. Your payment is held by the marketplace and
            released to the shop only after you confirm delivery.
          </p>
        </div>
      </section>
    </div>
  );
}
