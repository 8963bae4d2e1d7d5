import Link from "next/link";
import { notFound } from "next/navigation";

import { FlashSaleForm } from "@/components/catalog/flash-sale-form";
import { ListingForm } from "@/components/seller/listing-form";
import { StatusBadge } from "@/components/seller/status-badge";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageSeller } from "@/lib/auth/guards";
import { getSellerListing } from "@/lib/catalog/get-seller-listing";
import { categoryOptions, listCategories } from "@/lib/catalog/list-categories";
import { canListing } from "@/lib/catalog/listing-status";
import { SUPPORTED_CURRENCIES } from "@/lib/catalog/product-input";
import { isAppError } from "@/lib/errors/app-error";
import { listShippingProfiles } from "@/lib/shipping/list-shipping-profiles";

import { flashSaleAction, listingStatusAction, updateListingAction } from "../actions";
import { ListingActions } from "./listing-actions";
import { ListingStatusWatcher } from "./listing-status-watcher";

export const metadata = { title: "Edit listing" };

export default async function EditListingPage({
  params,
  searchParams,
}: {
  params: Promise<{ productId: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const { productId } = await params;
  const seller = await requirePageSeller(`/seller/products/${productId}`);
  const listing = await getSellerListing({ sellerId: seller.sellerId, productId }).catch((err) => {
    if (isAppError(err) && err.status === 404) notFound();
    throw err;
  });
  const { saved } = await searchParams;
  const [categories, shippingProfiles] = await Promise.all([
    listCategories().then(categoryOptions),
    listShippingProfiles(seller.sellerId),
  ]);
  const allowed = (["submit", "withdraw", "archive"] as const).filter((a) => canListing(listing.status, a));
  const editable = listing.status !== "suspended" && listing.status !== "archived";
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader title={listing.title} actions={<StatusBadge status={listing.status} />} />
      {saved ? <Alert tone="success">Listing saved.</Alert> : null}
      <ListingStatusWatcher sellerId={seller.sellerId} listings={[listing]} announce />
      {listing.statusReason ? (
        <Alert tone={listing.status === "pending_review" ? "info" : "error"}>{listing.statusReason}</Alert>
      ) : null}
      {listing.status === "active" ? (
        <p className="text-sm">
          <Link href={`/products/${listing.id}`} className="text-brand-700 underline">
            View it in the shop
          </Link>
        </p>
      ) : null}
      <ListingActions allowed={[...allowed]} run={listingStatusAction.bind(null, listing.id)} />
      {listing.status !== "archived" ? (
        <FlashSaleForm on={listing.isHot} action={flashSaleAction.bind(null, listing.id)} />
      ) : null}
      {editable ? (
        <ListingForm
          action={updateListingAction.bind(null, listing.id)}
          categories={categories}
          currencies={SUPPORTED_CURRENCIES}
          shippingProfiles={shippingProfiles}
          initial={{
            title: listing.title,
            description: listing.description,
            categoryId: listing.categoryId,
            price: (listing.priceCents / 100).toFixed(2),
            currency: listing.currency,
            shippingProfileId: listing.shippingProfileId ?? "",
            inventoryCount: listing.inventoryCount,
            attributes: listing.attributes,
            options: listing.options,
            variants: listing.variants.map((v) => ({
              options: v.optionValues,
              sku: v.sku,
              price: (v.priceCents / 100).toFixed(2),
              inventoryCount: v.inventoryCount,
            })),
            images: listing.images
              .filter((i) => i.uploadId)
              .map((i) => ({
                uploadId: i.uploadId!,
                url: `/media/${i.variants[0]?.key ?? i.key}`,
                width: i.width,
                height: i.height,
              })),
          }}
        />
      ) : (
        <p className="text-sm text-muted">This listing can&apos;t be edited while it is {listing.status}.</p>
      )}
    </div>
  );
}
