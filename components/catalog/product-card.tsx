import Link from "next/link";

import { FavouriteButton } from "@/components/favourites/favourite-button";
import { ApproxPrice } from "@/components/fx/display-currency";
import type { ProductSummary } from "@/lib/catalog/product-summary";
import { formatMoney } from "@/lib/money/format-money";

const mediaUrl = (key: string) => `/media/${key}`;

/**
 * How wide a card's image is drawn in each slot, for the browser to pick a variant (320, 640 or
 * 1280 px) from the srcset: the page is at most 80rem with 1rem padding each side.
 */
export const CARD_SIZES = {
  /** Home and shop pages: 2, then 3 (sm), then 4 (lg) columns across the page. */
  grid: "(min-width: 1280px) 296px, (min-width: 1024px) calc((100vw - 5rem) / 4), (min-width: 640px) calc((100vw - 4rem) / 3), calc((100vw - 3rem) / 2)",
  /** Search and category pages: a 16rem filter column beside 3 (lg) or 4 (xl) columns. */
  besideFilters:
    "(min-width: 1280px) 230px, (min-width: 1024px) calc((100vw - 23.5rem) / 3), (min-width: 640px) calc((100vw - 4rem) / 3), calc((100vw - 3rem) / 2)",
} as const;

export function ProductCard({
  product,
  priority = false,
  sizes = CARD_SIZES.grid,
}: {
  product: ProductSummary;
  priority?: boolean;
  sizes?: string;
}) {
  const img = product.image;
  const srcSet = img?.variants.length
    ? img.variants.map((v) => `${mediaUrl(v.key)} ${v.width}w`).join(", ")
    : undefined;
  return (
    <article className="group relative flex flex-col overflow-hidden rounded-lg border border-gray-200 bg-white shadow-sm transition hover:shadow-md">
      <Link href={`/products/${product.id}`} className="flex flex-1 flex-col">
        <div className="aspect-square overflow-hidden bg-gray-100">
          {img ? (
            // eslint-disable-next-line @next/next/no-img-element -- variants are pre-sized WebP files served with long cache headers
            <img
              src={mediaUrl(img.variants[0]?.key ?? img.key)}
              srcSet={srcSet}
              sizes={sizes}
              width={img.width}
              height={img.height}
              alt={product.title}
              loading={priority ? "eager" : "lazy"}
              className="h-full w-full object-cover transition group-hover:scale-105"
            />
          ) : (
            <div className="flex h-full items-center justify-center text-sm text-muted">No image</div>
          )}
        </div>
        <div className="flex flex-1 flex-col gap-1 p-3">
          <h3 className="line-clamp-2 text-sm font-medium text-ink">{product.title}</h3>
          <p className="text-xs text-muted">{product.shopName}</p>
          <div className="mt-auto flex items-center justify-between pt-2">
            <span className="font-semibold">
              {formatMoney(product.priceCents, product.currency)}
              <ApproxPrice
                cents={product.priceCents}
                currency={product.currency}
                className="block text-xs font-normal"
              />
            </span>
            {product.reviewCount > 0 ? (
              <span
                className="text-xs text-muted"
                aria-label={`Rated ${product.ratingAvg.toFixed(1)} out of 5 from ${product.reviewCount} reviews`}
              >
                ★ {product.ratingAvg.toFixed(1)} ({product.reviewCount})
              </span>
            ) : null}
          </div>
          {product.inventoryCount === 0 ? <span className="text-xs font-medium text-red-700">Sold out</span> : null}
        </div>
      </Link>
      <FavouriteButton productId={product.id} title={product.title} />
    </article>
  );
}
