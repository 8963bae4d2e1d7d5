import Link from "next/link";
import type { ReactNode } from "react";

import { ProductViewBeacon } from "@/components/analytics/product-view-beacon";
import { CategoryBreadcrumbs } from "@/components/catalog/category-breadcrumbs";
import { ProductDescription } from "@/components/catalog/product-description";
import { ProductGallery } from "@/components/catalog/product-gallery";
import { RatingSummary } from "@/components/catalog/rating-summary";
import { FavouriteButton } from "@/components/favourites/favourite-button";
import { ApproxPrice } from "@/components/fx/display-currency";
import { RecommendationBlocks } from "@/components/recommendations/recommendation-blocks";
import { ProductReviews } from "@/components/reviews/product-reviews";
import type { PublicProduct } from "@/lib/catalog/get-public-product";
import { formatMoney } from "@/lib/money/format-money";
import type { ProductReviewPage } from "@/lib/reviews/read/list-product-reviews";

/**
 * A product page's content, shared by the page rendered per visitor and the cached one for
 * signed-out visitors; `buying` is the stock line and the add-to-cart control.
 */
export function ProductView({
  product,
  reviews,
  viewer,
  buying,
}: {
  product: PublicProduct;
  reviews: ProductReviewPage;
  viewer: { signedIn: boolean; canReply: boolean };
  buying: ReactNode;
}) {
  return (
    <div>
      <ProductViewBeacon productId={product.id} />
      <CategoryBreadcrumbs path={product.category.path} />
      <div className="grid gap-8 lg:grid-cols-2">
        <ProductGallery images={product.images} title={product.title} />
        <div className="space-y-5">
          <div>
            <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{product.title}</h1>
            <p className="mt-1 text-sm text-muted">
              Sold by{" "}
              <Link
                href={`/shops/${product.seller.slug}`}
                className="font-medium text-ink underline hover:text-brand-700"
              >
                {product.seller.shopName}
              </Link>
            </p>
          </div>
          <FavouriteButton productId={product.id} title={product.title} variant="page" />
          <p className="text-3xl font-bold">
            {product.variants.length > 1 && new Set(product.variants.map((v) => v.priceCents)).size > 1 ? (
              <span className="mr-1 text-lg font-normal text-muted">From</span>
            ) : null}
            {formatMoney(product.priceCents, product.currency)}
            <ApproxPrice cents={product.priceCents} currency={product.currency} className="text-lg font-normal" />
          </p>
          {buying}
          <p className="rounded-md bg-brand-50 p-3 text-sm text-brand-700">
            Your payment is held by the marketplace and released to the seller only after you confirm delivery.
          </p>
          {Object.keys(product.attributes).length > 0 ? (
            <section aria-labelledby="details-heading">
              <h2 id="details-heading" className="mb-2 font-semibold">
                Details
              </h2>
              <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
                {Object.entries(product.attributes).map(([k, v]) => (
                  <div key={k} className="contents">
                    <dt className="capitalize text-muted">{k}</dt>
                    <dd>{v}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ) : null}
          <section aria-labelledby="seller-heading" className="rounded-lg border border-gray-200 bg-white p-4">
            <h2 id="seller-heading" className="font-semibold">
              {product.seller.shopName}
            </h2>
            <p className="text-sm text-muted">
              {product.seller.ratingCount > 0
                ? `★ ${product.seller.ratingAvg.toFixed(1)} from ${product.seller.ratingCount} ratings`
                : "New seller"}{" "}
              · selling since {new Date(product.seller.memberSince).getFullYear()}
            </p>
          </section>
        </div>
      </div>
      <div className="mt-10 grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="description-heading">
          <h2 id="description-heading" className="mb-3 text-lg font-bold">
            Description
          </h2>
          <ProductDescription source={product.description} />
        </section>
        <section aria-labelledby="reviews-heading">
          <h2 id="reviews-heading" className="mb-3 text-lg font-bold">
            Ratings
          </h2>
          <RatingSummary avg={product.ratingAvg} count={product.reviewCount} histogram={product.ratingHistogram} />
        </section>
      </div>
      <ProductReviews
        path={`/products/${product.id}`}
        reviews={reviews}
        histogram={product.ratingHistogram}
        shopName={product.seller.shopName}
        viewer={viewer}
      />
      <RecommendationBlocks page="product" productIds={[product.id]} viewed={product.id} />
    </div>
  );
}
