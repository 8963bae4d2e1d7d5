import { z } from "zod";

import { getPublicStock } from "@/lib/catalog/get-public-stock";
import { AppError } from "@/lib/errors/app-error";
import { apiRoute } from "@/lib/http/api-route";

/** The current stock of a live listing: what cached product pages show once they load. */
export const GET = apiRoute({ access: "public", params: z.object({ productId: z.string() }) }, async ({ params }) => {
  const stock = await getPublicStock(params.productId);
  if (!stock) throw new AppError("not_found", "Product not found.");
  return Response.json(
    {
      product_id: params.productId,
      inventory_count: stock.inventoryCount,
      inventory_status: stock.inventoryStatus,
      // Each variant's own stock, for a listing with variants (empty otherwise).
      variants: stock.variants.map((v) => ({
        variant_id: v.id,
        inventory_count: v.inventoryCount,
        inventory_status: v.inventoryStatus,
      })),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
});
