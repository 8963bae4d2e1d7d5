import "server-only";

import { PRODUCT_SUMMARY_SELECT, toProductSummary, type ProductSummary } from "@/lib/catalog/product-summary";
import { readDb } from "@/lib/db/read-db";

/** The cards of these listings in the given order, live ones only (one query for every block). */
export async function listRecommendedProducts(ids: string[]): Promise<Map<string, ProductSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await readDb().product.findMany({
    where: { id: { in: [...new Set(ids)] }, status: "active" },
    select: PRODUCT_SUMMARY_SELECT,
  });
  return new Map(rows.map((r) => [r.id, toProductSummary(r)]));
}
