import Link from "next/link";

import { PageHeader } from "@/components/ui/page-header";
import { requirePageSeller } from "@/lib/auth/guards";
import { getOwnShopDetails } from "@/lib/sellers/update-shop";

import { updateShopAction } from "./actions";
import { ShopForm } from "./shop-form";

export const metadata = { title: "Shop page" };

export default async function SellerShopPage() {
  const seller = await requirePageSeller("/seller/shop");
  const shop = await getOwnShopDetails(seller.sellerId);
  return (
    <div>
      <PageHeader title="Shop page" description="What buyers see at the top of your shop's page." />
      <p className="mb-4 text-sm">
        <Link href={`/shops/${shop.slug}`} className="font-medium text-brand-700 underline">
          View your shop page (/shops/{shop.slug})
        </Link>
      </p>
      <ShopForm action={updateShopAction} shopName={shop.shopName} description={shop.description ?? ""} />
    </div>
  );
}
