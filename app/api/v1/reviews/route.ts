import { z } from "zod";

import { getPublicProduct } from "@/lib/catalog/get-public-product";
import { AppError } from "@/lib/errors/app-error";
import { apiRoute } from "@/lib/http/api-route";
import { listProductReviews } from "@/lib/reviews/read/list-product-reviews";
import { productReviewsPageJson } from "@/lib/reviews/read/review-json";

/** A live product's visible reviews: ?product_id=…&sort=newest|helpful|highest|lowest&stars=1..5&page=N. */
export const GET = apiRoute(
  {
    access: "public",
    query: z.object({
      product_id: z.uuid("product_id must be a product id."),
      sort: z.string().optional(),
      stars: z.string().optional(),
      page: z.string().optional(),
    }),
  },
  async ({ query, user }) => {
    const product = await getPublicProduct(query.product_id);
    if (!product) throw new AppError("not_found", "Product not found.");
    const page = await listProductReviews({ productId: product.id, query, viewerId: user?.id });
    return productReviewsPageJson(product, page);
  },
);
