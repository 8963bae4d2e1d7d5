import { z } from "zod";

import { assertOwnSeller } from "@/lib/catalog/assert-own-seller";
import { changeListingStatus } from "@/lib/catalog/change-listing-status";
import { getSellerListing } from "@/lib/catalog/get-seller-listing";
import { sellerListingJson, ZUpdateListingJson } from "@/lib/catalog/listing-json";
import { revalidateCachedProduct } from "@/lib/catalog/revalidate-cached-product";
import { updateListing } from "@/lib/catalog/update-listing";
import { apiRoute } from "@/lib/http/api-route";

const ZParams = z.object({ sellerId: z.uuid("Unknown seller."), productId: z.uuid("Unknown product.") });

export const GET = apiRoute({ access: "seller", params: ZParams }, async ({ user, params }) => {
  const sellerId = assertOwnSeller(user, params.sellerId);
  return sellerListingJson(await getSellerListing({ sellerId, productId: params.productId }));
});

export const PATCH = apiRoute(
  { access: "seller", params: ZParams, body: ZUpdateListingJson },
  async ({ user, params, body }) => {
    const sellerId = assertOwnSeller(user, params.sellerId);
    await updateListing({
      sellerId,
      actorId: user.id,
      productId: params.productId,
      input: body,
    });
    await revalidateCachedProduct(params.productId);
    return sellerListingJson(await getSellerListing({ sellerId, productId: params.productId }));
  },
);

export const DELETE = apiRoute({ access: "seller", params: ZParams }, async ({ user, params }) => {
  const sellerId = assertOwnSeller(user, params.sellerId);
  const r = await changeListingStatus({ sellerId, productId: params.productId, action: "archive" });
  await revalidateCachedProduct(params.productId);
  return { product_id: r.productId, status: r.status };
});
