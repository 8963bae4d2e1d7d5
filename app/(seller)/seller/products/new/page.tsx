import { ListingForm } from "@/components/seller/listing-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageSeller } from "@/lib/auth/guards";
import { categoryOptions, listCategories } from "@/lib/catalog/list-categories";
import { SUPPORTED_CURRENCIES } from "@/lib/catalog/product-input";
import { listShippingProfiles } from "@/lib/shipping/list-shipping-profiles";

import { createListingAction } from "../actions";

export const metadata = { title: "New listing" };

export default async function NewListingPage() {
  const seller = await requirePageSeller("/seller/products/new");
  const [categories, shippingProfiles] = await Promise.all([
    listCategories().then(categoryOptions),
    listShippingProfiles(seller.sellerId),
  ]);
  return (
    <div className="max-w-3xl">
      <PageHeader
        title="New listing"
        description="Listings are checked before they go live; most pass within seconds."
      />
      <ListingForm
        action={createListingAction}
        categories={categories}
        currencies={SUPPORTED_CURRENCIES}
        shippingProfiles={shippingProfiles}
        initial={{
          title: "",
          description: "",
          categoryId: null,
          price: "",
          currency: "USD",
          inventoryCount: 1,
          attributes: {},
          options: [],
          variants: [],
          images: [],
          shippingProfileId: "",
        }}
      />
    </div>
  );
}
