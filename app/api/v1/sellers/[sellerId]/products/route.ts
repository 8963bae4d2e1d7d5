import { z } from "zod";

import { recordRequestSignal } from "@/lib/auth/record-request-signal";
import { requestOrigin } from "@/lib/auth/request-origin";
import { assertOwnSeller } from "@/lib/catalog/assert-own-seller";
import { createListing } from "@/lib/catalog/create-listing";
import { listSellerListings } from "@/lib/catalog/list-seller-listings";
import { sellerListingsPageJson, ZCreateListingJson } from "@/lib/catalog/listing-json";
import { apiRoute } from "@/lib/http/api-route";

const ZParams = z.object({ sellerId: z.uuid("Unknown seller.") });

export const POST = apiRoute(
  { access: "seller", params: ZParams, body: ZCreateListingJson, status: 201 },
  async ({ user, params, body }) => {
    const sellerId = assertOwnSeller(user, params.sellerId);
    const created = await createListing({ sellerId, actorId: user.id, input: body });
    await recordRequestSignal({
      userId: user.id,
      action: "listing",
      subjectId: created.productId,
      origin: await requestOrigin(),
    });
    return Response.json({ product_id: created.productId, status: created.status }, { status: 201 });
  },
);

export const GET = apiRoute(
  {
    access: "seller",
    params: ZParams,
    query: z.object({
      page: z.coerce.number().int().min(1).max(10_000).default(1),
      status: z.enum(["draft", "pending_review", "active", "rejected", "suspended"]).optional(),
    }),
  },
  async ({ user, params, query }) => {
    const sellerId = assertOwnSeller(user, params.sellerId);
    const page = await listSellerListings({ sellerId, status: query.status, page: query.page });
    return sellerListingsPageJson(page, query.page);
  },
);
