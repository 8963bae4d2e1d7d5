// GET /api/v1/search?q=&category=&price_min=&price_max=&rating_min=&in_stock=&attr.<key>=&sort=&page=&per_page=&debug=
// → { results, facets, total, next_page, ... } (design section 3). Bad parameters are a 400 naming each one.
import { actsAsAdmin } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors/app-error";
import { apiRoute } from "@/lib/http/api-route";
import { RATE_LIMIT_POLICIES } from "@/lib/rate-limit/rules";
import { parseSearchParams } from "@/lib/search/parse-search-params";
import { searchResponseJson } from "@/lib/search/search-json";
import { searchProducts } from "@/lib/search/search-products";

export const GET = apiRoute({ access: "public", rateLimit: RATE_LIMIT_POLICIES.search }, async ({ req, user }) => {
  const { request } = parseSearchParams(req.nextUrl.searchParams, { strict: true });
  const isAdmin = actsAsAdmin(user);
  if (request.debug && !isAdmin) throw new AppError("forbidden", "debug=1 (the score breakdown) is for admins.");
  const result = await searchProducts(request, { userId: user?.id ?? null, isAdmin });
  return Response.json(searchResponseJson(result, request), {
    // Signed-in buyers get personalized ranking, so only anonymous answers may be shared by a CDN.
    headers: {
      "Cache-Control": user ? "private, no-store" : "public, max-age=0, s-maxage=10, stale-while-revalidate=30",
      Vary: "Cookie",
    },
  });
});
