import { getPublicProduct } from "@/lib/catalog/get-public-product";
import { publicProductJson } from "@/lib/catalog/listing-json";
import { AppError } from "@/lib/errors/app-error";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute({ access: "public" }, async ({ req }) => {
  const productId = req.nextUrl.pathname.split("/").pop() ?? "";
  const product = await getPublicProduct(productId);
  if (!product) throw new AppError("not_found", "Product not found.");
  return Response.json(publicProductJson(product), {
    headers: { "Cache-Control": "public, max-age=0, s-maxage=5, stale-while-revalidate=30" },
  });
});
