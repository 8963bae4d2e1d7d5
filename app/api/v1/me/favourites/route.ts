// GET /api/v1/me/favourites → the ids of the listings the signed-in buyer saved, newest first
// (at most 500): what lights the hearts on cards and product pages, read in the browser
// because those pages may come from the page cache. 401 when signed out: the hearts then
// lead to sign-in.
import { listFavouriteIds } from "@/lib/favourites/list-favourite-ids";
import { apiRoute } from "@/lib/http/api-route";
import { RATE_LIMIT_POLICIES } from "@/lib/rate-limit/rules";

export const GET = apiRoute(
  { access: "user", rateLimit: RATE_LIMIT_POLICIES.favourites, summary: "List the ids of your favourite listings" },
  async ({ user }) => {
    const ids = await listFavouriteIds(user.id);
    return Response.json({ product_ids: ids }, { headers: { "Cache-Control": "private, no-store" } });
  },
);
