import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { LiveStock } from "@/components/catalog/live-stock";
import { ProductView } from "@/components/catalog/product-view";
import { UnavailableProductView } from "@/components/catalog/unavailable-product-view";
import { VariantPicker } from "@/components/catalog/variant-picker";
import { AskSeller } from "@/components/messages/ask-seller";
import { findUnavailableProduct } from "@/lib/catalog/find-unavailable-product";
import { getCachedPublicProduct } from "@/lib/catalog/get-cached-public-product";
import { listProductReviews } from "@/lib/reviews/read/list-product-reviews";

// The product page for signed-out visitors without a cart (proxy.ts rewrites /products/{id}
// here): rendered on the first request, then served from Next's page cache and re-rendered in
// the background at most every 15 seconds, or at once when the listing changes in this server
// (revalidateCachedProduct drops its `product:<id>` tag, which the read model gives the page).
// Stock is fetched fresh in the browser.
export const revalidate = 15;
export const dynamicParams = true;
export async function generateStaticParams(): Promise<{ productId: string }[]> {
  return [];
}

type Props = { params: Promise<{ productId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { productId } = await params;
  const product = await getCachedPublicProduct(productId);
  return product
    ? { title: product.title, alternates: { canonical: `/products/${productId}` } }
    : { title: "Product unavailable", robots: { index: false } };
}

export default async function CachedProductPage({ params }: Props) {
  const { productId } = await params;
  const product = await getCachedPublicProduct(productId);
  if (!product) {
    const unavailable = await findUnavailableProduct(productId);
    if (!unavailable) notFound();
    return <UnavailableProductView product={unavailable} />;
  }
  const reviews = await listProductReviews({ productId: product.id, query: {} });
  return (
    <ProductView
      product={product}
      reviews={reviews}
      viewer={{ signedIn: false, canReply: false }}
      buying={
        <>
          {product.variants.length ? (
            <VariantPicker
              live
              productId={product.id}
              options={product.options}
              variants={product.variants}
              currency={product.currency}
              lowStockThreshold={product.lowStockThreshold}
            />
          ) : (
            <LiveStock
              productId={product.id}
              count={product.inventoryCount}
              status={product.inventoryStatus}
              lowStockThreshold={product.lowStockThreshold}
            />
          )}
          <p className="text-sm text-muted">Shipping is calculated at checkout for your address.</p>
          <AskSeller
            action={null}
            shopName={product.seller.shopName}
            signInHref={`/sign-in?callbackUrl=${encodeURIComponent(`/products/${product.id}`)}`}
          />
        </>
      }
    />
  );
}
