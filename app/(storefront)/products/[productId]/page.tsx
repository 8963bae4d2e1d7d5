import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { AddToCart } from "@/components/cart/add-to-cart";
import { ProductView } from "@/components/catalog/product-view";
import { StockStatus } from "@/components/catalog/stock-status";
import { UnavailableProductView } from "@/components/catalog/unavailable-product-view";
import { VariantPicker } from "@/components/catalog/variant-picker";
import { AskSeller } from "@/components/messages/ask-seller";
import { getCurrentUser } from "@/lib/auth/current-user";
import { findUnavailableProduct } from "@/lib/catalog/find-unavailable-product";
import { getPublicProduct } from "@/lib/catalog/get-public-product";
import { listProductReviews } from "@/lib/reviews/read/list-product-reviews";
import { describeProductShipping } from "@/lib/shipping/describe-product-shipping";

import { startConversationAction } from "../../messages/actions";

type Props = {
  params: Promise<{ productId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const product = await getPublicProduct((await params).productId);
  return product ? { title: product.title } : { title: "Product unavailable", robots: { index: false } };
}

// Rendered per visitor: signed in, with a cart, or asking for a reviews view. Signed-out
// visitors without a cart get app/(anonymous)/anon/products/[productId] from the page cache.
export default async function ProductPage({ params, searchParams }: Props) {
  const { productId } = await params;
  const product = await getPublicProduct(productId);
  if (!product) {
    const unavailable = await findUnavailableProduct(productId);
    if (!unavailable) notFound();
    return <UnavailableProductView product={unavailable} />;
  }
  const viewer = await getCurrentUser();
  const reviews = await listProductReviews({ productId: product.id, query: await searchParams, viewerId: viewer?.id });
  const shipping = await describeProductShipping({
    userId: viewer?.id ?? null,
    productId: product.id,
    priceCents: product.priceCents,
    currency: product.currency,
  });
  return (
    <ProductView
      product={product}
      reviews={reviews}
      viewer={{ signedIn: !!viewer, canReply: !!viewer?.sellerId && viewer.sellerId === product.seller.id }}
      buying={
        <>
          {product.variants.length ? null : (
            <StockStatus status={product.inventoryStatus} count={product.inventoryCount} />
          )}
          {shipping ? (
            <p className={shipping.ships ? "text-sm text-muted" : "text-sm font-medium text-red-700"}>
              {shipping.text}
            </p>
          ) : (
            <p className="text-sm text-muted">Shipping is calculated at checkout for your address.</p>
          )}
          {product.variants.length ? (
            <VariantPicker
              productId={product.id}
              options={product.options}
              variants={product.variants}
              currency={product.currency}
              lowStockThreshold={product.lowStockThreshold}
            />
          ) : (
            <AddToCart productId={product.id} maxQuantity={product.inventoryCount} />
          )}
          {viewer?.sellerId === product.seller.id ? null : (
            <AskSeller
              action={viewer ? startConversationAction.bind(null, "product", product.id) : null}
              shopName={product.seller.shopName}
              signInHref={viewer ? null : `/sign-in?callbackUrl=${encodeURIComponent(`/products/${product.id}`)}`}
            />
          )}
        </>
      }
    />
  );
}
