import { z } from "zod";

import { assertOwnSeller } from "@/lib/catalog/assert-own-seller";
import { changeListingStatus } from "@/lib/catalog/change-listing-status";
import { apiRoute } from "@/lib/http/api-route";

/** Submits a draft or rejected listing for review. */
export const POST = apiRoute(
  {
    access: "seller",
    params: z.object({ sellerId: z.uuid("Unknown seller."), productId: z.uuid("Unknown product.") }),
  },
  async ({ user, params }) => {
    const sellerId = assertOwnSeller(user, params.sellerId);
    const r = await changeListingStatus({ sellerId, productId: params.productId, action: "submit" });
    return { product_id: r.productId, status: r.status };
  },
);
