import type { Prisma } from "@/lib/generated/prisma/client";

import { insertInBatches } from "./insert-in-batches";
import type { planDemoCatalogue } from "./plan-demo-catalogue";

/** The catalogue's active listings in their leaf categories, with their attributes. */
export async function insertDemoListings(
  opts: { plan: ReturnType<typeof planDemoCatalogue>; leafIds: Map<string, number> },
  tx: Prisma.TransactionClient,
) {
  const { plan, leafIds } = opts;
  const productRows: Prisma.ProductCreateManyInput[] = plan.products.map((p) => ({
    id: p.id,
    sellerId: p.sellerId,
    categoryId: leafIds.get(p.leaf.slug)!,
    title: p.title,
    description: p.description,
    priceCents: p.priceCents,
    currency: "USD",
    inventoryCount: p.inventoryCount,
    status: "active",
    featured: p.featured,
    publishedAt: p.publishedAt,
    createdAt: p.createdAt,
  }));
  const products = await insertInBatches(productRows, (data) => tx.product.createMany({ data }));
  const attributeRows = plan.products.flatMap((p) =>
    Object.entries(p.attributes).map(([key, value]) => ({ productId: p.id, key, value })),
  );
  const productAttributes = await insertInBatches(attributeRows, (data) => tx.productAttribute.createMany({ data }));
  return { products, productAttributes };
}
