// GET /api/v1/recommendations?page=product&product_ids=… → the page's recommendation blocks
// ("also bought", "similar items", "recently viewed", "picked for you"), each with its cards.
// Read by the browser after the page has shown, so a cached product page does no database work
// for them; the lists come from Redis (PostgreSQL on a miss).
import { apiRoute } from "@/lib/http/api-route";
import { RATE_LIMIT_POLICIES } from "@/lib/rate-limit/rules";
import { getRecommendations } from "@/lib/recommendations/get-recommendations";
import { ZRecommendationsQuery } from "@/lib/recommendations/recommendations-query";

export const GET = apiRoute(
  {
    access: "public",
    query: ZRecommendationsQuery,
    rateLimit: RATE_LIMIT_POLICIES.recommendations,
    summary: "Recommendation blocks for a product, cart, order or home page",
  },
  async ({ query, user }) => {
    const blocks = await getRecommendations({ query, userId: user?.id ?? null });
    return Response.json(
      {
        blocks: blocks.map((b) => ({
          kind: b.kind,
          title: b.title,
          placement: b.placement,
          products: b.products.map((p) => ({
            product_id: p.id,
            title: p.title,
            price: { amount_cents: p.priceCents, currency: p.currency },
            rating_avg: p.ratingAvg,
            review_count: p.reviewCount,
            inventory_count: p.inventoryCount,
            shop_name: p.shopName,
            image: p.image,
          })),
        })),
      },
      // Personal (recently viewed, picked for you): never in a shared cache.
      { headers: { "Cache-Control": "private, no-store" } },
    );
  },
);
